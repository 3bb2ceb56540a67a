import { InvalidSettingsError } from '@swarm/transport/errors';
import { fetchPolicyFromEnv, parseFetchPolicy } from './fetch-policy.js';

describe('parseFetchPolicy', () => {
  it('fills in the documented defaults', () => {
    expect(parseFetchPolicy()).toEqual({
      timeoutMs: 10_000,
      maxBytes: 2 * 1_024 * 1_024,
      maxRedirects: 5,
      allowedContentTypes: ['text/html', 'application/xhtml+xml'],
      userAgent: 'agent-swarm-scraper/0.1 (+https://github.com/agent-swarm)',
      respectRobots: true,
      perHostConcurrency: 2,
      robotsCacheTtlMs: 600_000,
      robotsTimeoutMs: 5_000,
      robotsMaxBytes: 512 * 1_024,
      robotsCacheMaxEntries: 1_000,
      robotsCacheMaxBytes: 32 * 1_024 * 1_024,
      ssrf: { allowPrivateNetworks: false, allowHosts: [] },
    });
  });

  it('rejects unknown settings and malformed host entries, naming them', () => {
    expect(() => parseFetchPolicy({ timeoutMS: 5 } as never)).toThrow(/timeoutMS/);
    expect(() => parseFetchPolicy({ ssrf: { allowHosts: ['http://x/'] } })).toThrow(
      /ssrf\.allowHosts\.0: not a host or host:port: "http:\/\/x\/"/,
    );
    expect(() => parseFetchPolicy({ ssrf: { allowHosts: ['host:70000'] } })).toThrow(InvalidSettingsError);
  });
});

describe('fetchPolicyFromEnv', () => {
  it('reads numbers, flags and comma-separated lists from their variables', () => {
    const policy = fetchPolicyFromEnv({
      SCRAPER_FETCH_TIMEOUT_MS: '2500',
      SCRAPER_RESPECT_ROBOTS: 'false',
      SCRAPER_ALLOWED_CONTENT_TYPES: 'text/html, text/plain',
      SCRAPER_ALLOW_HOSTS: '127.0.0.1:4815, docs.local',
      SCRAPER_ALLOW_PRIVATE_NETWORKS: '',
    });
    expect(policy).toMatchObject({
      timeoutMs: 2_500,
      respectRobots: false,
      allowedContentTypes: ['text/html', 'text/plain'],
      ssrf: { allowPrivateNetworks: false, allowHosts: ['127.0.0.1:4815', 'docs.local'] },
    });
  });

  it('names the variable behind a bad value', () => {
    expect(() => fetchPolicyFromEnv({ SCRAPER_MAX_REDIRECTS: 'many' })).toThrow(/SCRAPER_MAX_REDIRECTS: /);
    expect(() => fetchPolicyFromEnv({ SCRAPER_ALLOW_HOSTS: 'ok.host, bad host' })).toThrow(
      /SCRAPER_ALLOW_HOSTS: /,
    );
  });
});
