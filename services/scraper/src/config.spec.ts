import { ConfigError } from '@swarm/agent-kit';
import { loadScraperConfig } from './config.js';

const NATS = { NATS_URL: 'nats://127.0.0.1:4222' };

describe('loadScraperConfig', () => {
  it('bounds extraction and the robots.txt cache by the documented defaults', () => {
    const config = loadScraperConfig(NATS);
    expect(config.extract).toEqual({
      maxElements: 50_000,
      maxDepth: 512,
      timeoutMs: 5_000,
      threads: 2,
      heapMb: 128,
    });
    expect(config.fetch).toMatchObject({
      robotsCacheMaxEntries: 1_000,
      robotsCacheMaxBytes: 32 * 1_024 * 1_024,
    });
  });

  it('takes each bound from its variable', () => {
    const config = loadScraperConfig({
      ...NATS,
      SCRAPER_MAX_ELEMENTS: '2000',
      SCRAPER_MAX_DEPTH: '64',
      SCRAPER_EXTRACT_TIMEOUT_MS: '250',
      SCRAPER_EXTRACT_THREADS: '1',
      SCRAPER_EXTRACT_HEAP_MB: '64',
      SCRAPER_ROBOTS_CACHE_MAX_BYTES: '1048576',
    });
    expect(config.extract).toEqual({
      maxElements: 2_000,
      maxDepth: 64,
      timeoutMs: 250,
      threads: 1,
      heapMb: 64,
    });
    expect(config.fetch.robotsCacheMaxBytes).toBe(1_048_576);
  });

  it.each([
    ['SCRAPER_MAX_ELEMENTS', '0'],
    ['SCRAPER_MAX_DEPTH', 'deep'],
    ['SCRAPER_EXTRACT_TIMEOUT_MS', '10'],
    ['SCRAPER_EXTRACT_THREADS', '0'],
    ['SCRAPER_EXTRACT_HEAP_MB', '8'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => loadScraperConfig({ ...NATS, [variable]: value })).toThrow(ConfigError);
    expect(() => loadScraperConfig({ ...NATS, [variable]: value })).toThrow(variable);
  });
});
