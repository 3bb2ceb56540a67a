import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGuardedFetch } from '@swarm/http-guard';
import { TaskError } from '@swarm/transport/errors';
import { HttpSource } from './http-source.js';
import { SourceFetchEnv, sourceFetchPolicy } from './source-fetch-settings.js';

const RESULTS = [
  {
    name: 'orbit-agent',
    summary: 'An  agent\nframework.',
    url: 'https://docs.example.test/orbit-agent',
    keywords: ['Agents', 'AI', 'agents'],
    monthlyDownloads: 1234.4,
    license: 'MIT',
    lastPublished: '2026-11-10T08:30:00Z',
    repository: 'https://github.com/example/orbit-agent',
    extra: 'ignored',
  },
  { name: '@scope/relay', summary: 'An MCP relay.', url: 'https://docs.example.test/relay' },
  { name: 'vault', summary: 'A vector client.', url: 'https://docs.example.test/vault' },
];

function json(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(body);
}

describe('HttpSource against a local HTTP server', () => {
  let server: Server;
  let base: string;
  const queries: URLSearchParams[] = [];
  // The API server is on loopback: these tests allow private networks, as only a closed test setup may.
  const fetcher = createGuardedFetch(
    sourceFetchPolicy(SourceFetchEnv.parse({ SEARCH_SOURCE_ALLOW_PRIVATE_NETWORKS: 'true' }), 10_000),
  );

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://local.test');
      queries.push(url.searchParams);
      switch (url.pathname) {
        case '/search':
          return json(
            res,
            200,
            JSON.stringify({ results: RESULTS.slice(0, Number(url.searchParams.get('limit'))) }),
          );
        case '/scored':
          return json(
            res,
            200,
            JSON.stringify({ results: RESULTS.map((r, i) => ({ ...r, score: [2, 8, 4][i] })) }),
          );
        case '/not-json':
          return json(res, 200, '<html>oops</html>');
        case '/wrong-shape':
          return json(res, 200, JSON.stringify({ results: [{ name: 'x', summary: 'y', url: 'not a url' }] }));
        case '/error':
          return json(res, 500, '{}');
        case '/busy':
          return json(res, 429, '{}');
        case '/bad-request':
          return json(res, 400, '{"error":"q is required"}');
        case '/slow':
          return undefined;
        default:
          return json(res, 404, '{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await fetcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function failure(endpoint: string, timeoutMs?: number): Promise<TaskError> {
    const source = new HttpSource({
      endpoint: `${base}${endpoint}`,
      fetcher,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    const error: unknown = await source.search('agent', 5).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TaskError);
    return error as TaskError;
  }

  it('sends the terms and limit and maps the results, scored by rank', async () => {
    const source = new HttpSource({ endpoint: `${base}/search?key=abc`, fetcher });
    const hits = await source.search('agent framework', 2);
    const sent = queries.at(-1)!;
    expect([sent.get('q'), sent.get('limit'), sent.get('key')]).toEqual(['agent framework', '2', 'abc']);
    expect(hits.map((hit) => [hit.pkg.name, hit.score])).toEqual([
      ['orbit-agent', 1],
      ['@scope/relay', 0.5],
    ]);
    expect(hits[0]).toEqual({
      // The key is sent to the API but never shows in the source's name (events, spans, logs).
      source: `http:${base}/search?key=REDACTED`,
      score: 1,
      pageUrl: 'https://docs.example.test/orbit-agent',
      pkg: {
        id: 'orbit-agent',
        name: 'orbit-agent',
        summary: 'An agent framework.',
        keywords: ['agents', 'ai'],
        monthlyDownloads: 1234,
        license: 'MIT',
        version: undefined,
        lastPublished: '2026-11-10',
        homepage: 'https://docs.example.test/orbit-agent',
        repository: 'https://github.com/example/orbit-agent',
        features: [],
      },
    });
    expect(hits[1]!.pkg.id).toBe('scope__relay');
  });

  it('uses the scores the API gives when every result has one', async () => {
    const hits = await new HttpSource({ endpoint: `${base}/scored`, fetcher }).search('agent', 10);
    expect(hits.map((hit) => hit.score)).toEqual([2, 8, 4]);
  });

  it('fails permanently on a body that is not JSON', async () => {
    const error = await failure('/not-json');
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
    expect(error.message).toContain('is not JSON');
  });

  it('fails permanently on JSON of the wrong shape, naming the field', async () => {
    const error = await failure('/wrong-shape');
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
    expect(error.message).toContain('"results.0.url"');
  });

  it('fails retryably on a 500 and a 429', async () => {
    expect(await failure('/error')).toMatchObject({ code: 'source-unavailable', retryable: true });
    expect(await failure('/busy')).toMatchObject({ code: 'source-unavailable', retryable: true });
  });

  it('fails permanently on a 400', async () => {
    const error = await failure('/bad-request');
    expect(error).toMatchObject({ code: 'source-rejected', retryable: false });
    expect(error.message).toContain('status 400');
  });

  it('fails retryably on a timeout', async () => {
    expect(await failure('/slow', 150)).toMatchObject({ code: 'source-timeout', retryable: true });
  });
});
