import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GuardedFetcher, ResolveHost } from '@swarm/http-guard';
import { createGuardedFetch } from '@swarm/http-guard';
import { TaskError } from '@swarm/transport/errors';
import { FeedSource } from './feed-source.js';
import { SourceFetchEnv, sourceFetchPolicy } from './source-fetch-settings.js';

const RSS = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Tools</title>
<item><title>OrbitAgent</title><link>https://news.example.test/orbit</link>
<description>&lt;p&gt;An agent framework for multi-agent orchestration.&lt;/p&gt;</description>
<category>agents</category><pubDate>Tue, 10 Nov 2026 08:30:00 GMT</pubDate></item>
<item><title>VectorVault</title><link>https://news.example.test/vault</link>
<description>A vector database client.</description></item>
<item><title>AgentLens</title><link>https://news.example.test/lens</link>
<description>Tracing for agent runs.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Releases</title>
<entry><title>Relay MCP server</title><link href="https://releases.example.test/relay"/>
<summary>A Model Context Protocol server.</summary><updated>2026-11-12T10:00:00Z</updated></entry>
</feed>`;

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** The search agent's fetcher with its production defaults, plus whatever settings a test gives. */
function guardedFetcher(env: Record<string, string> = {}, resolve?: ResolveHost): GuardedFetcher {
  return createGuardedFetch(sourceFetchPolicy(SourceFetchEnv.parse(env), 10_000), { resolve });
}

describe('FeedSource against a local HTTP server', () => {
  const routes = new Map<string, Route>();
  const seen: string[] = [];
  let server: Server;
  let base: string;
  // The feed server is on loopback: these tests allow private networks, as only a closed test setup may.
  const fetcher = guardedFetcher({ SEARCH_SOURCE_ALLOW_PRIVATE_NETWORKS: 'true' });
  const feed = (url: string, options: { timeoutMs?: number; maxBytes?: number } = {}) =>
    new FeedSource({ url, fetcher, ...options });

  const xml =
    (body: string, status = 200): Route =>
    (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/rss+xml' });
      res.end(body);
    };

  beforeAll(async () => {
    routes.set('/rss.xml', xml(RSS));
    routes.set('/atom.xml', xml(ATOM));
    routes.set('/broken.xml', xml('<rss><channel><item><title>cut off'));
    routes.set('/html.xml', xml('<html><body>Not a feed</body></html>'));
    routes.set('/error.xml', xml('oops', 500));
    routes.set('/gone.xml', xml('gone', 404));
    routes.set('/hang.xml', () => undefined);
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      const route = routes.get(req.url ?? '');
      if (route) route(req, res);
      else xml('not found', 404)(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await fetcher.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function failure(source: FeedSource, signal?: AbortSignal): Promise<TaskError> {
    const error: unknown = await source.search('agent', 5, signal).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TaskError);
    return error as TaskError;
  }

  it('finds the RSS items that match the terms, best first', async () => {
    const source = feed(`${base}/rss.xml`);
    const hits = await source.search('agent framework', 5);
    expect(hits.map((hit) => hit.pkg.name)).toEqual(['OrbitAgent', 'AgentLens']);
    expect(hits[0]).toMatchObject({
      source: `feed:${base}/rss.xml`,
      pageUrl: 'https://news.example.test/orbit',
      pkg: {
        id: 'orbitagent',
        summary: 'An agent framework for multi-agent orchestration.',
        keywords: ['agents'],
        homepage: 'https://news.example.test/orbit',
        lastPublished: '2026-11-10',
        monthlyDownloads: 0,
      },
    });
  });

  it('reads Atom feeds', async () => {
    const hits = await feed(`${base}/atom.xml`).search('model context protocol server', 5);
    expect(hits.map((hit) => hit.pageUrl)).toEqual(['https://releases.example.test/relay']);
  });

  it('returns nothing when no item matches', async () => {
    expect(await feed(`${base}/rss.xml`).search('zzqxv', 5)).toEqual([]);
  });

  it('fails permanently on a malformed feed', async () => {
    const error = await failure(feed(`${base}/broken.xml`));
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
    expect(error.message).toContain('is not well-formed XML');
  });

  it('fails permanently on a document that is not a feed', async () => {
    const error = await failure(feed(`${base}/html.xml`));
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
  });

  it('fails retryably on a 500', async () => {
    const error = await failure(feed(`${base}/error.xml`));
    expect(error).toMatchObject({ code: 'source-unavailable', retryable: true });
    expect(error.message).toContain('status 500');
  });

  it('fails permanently on a 404', async () => {
    expect(await failure(feed(`${base}/gone.xml`))).toMatchObject({
      code: 'source-rejected',
      retryable: false,
    });
  });

  it('fails retryably when the feed does not answer in time', async () => {
    const error = await failure(feed(`${base}/hang.xml`, { timeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'source-timeout', retryable: true });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = failure(feed(`${base}/hang.xml`), controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'source-aborted', retryable: true });
  });

  it('refuses a feed larger than the limit', async () => {
    const error = await failure(feed(`${base}/rss.xml`, { maxBytes: 100 }));
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
  });

  it('fails retryably when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(feed(`http://127.0.0.1:${port}/feed.xml`));
    expect(error).toMatchObject({ code: 'source-unreachable', retryable: true });
  });
});

describe('FeedSource behind the guard, with production settings', () => {
  const servers: Server[] = [];
  const fetchers: GuardedFetcher[] = [];
  const start = async (route: Route): Promise<{ origin: string; port: number; seen: string[] }> => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      route(req, res);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}`, port, seen };
  };
  const redirectTo =
    (location: string): Route =>
    (_req, res) =>
      res.writeHead(302, { location }).end();
  const fetcherWith = (env: Record<string, string>, resolve?: ResolveHost) => {
    const created = guardedFetcher(env, resolve);
    fetchers.push(created);
    return created;
  };
  const refusal = async (source: FeedSource): Promise<TaskError> => {
    const error: unknown = await source.search('agent', 5).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TaskError);
    return error as TaskError;
  };

  afterAll(async () => {
    await Promise.all(fetchers.map((fetcher) => fetcher.close()));
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('refuses a feed on loopback while private networks are not allowed, without connecting', async () => {
    const server = await start((_req, res) => res.end(RSS));
    const error = await refusal(
      new FeedSource({ url: `${server.origin}/rss.xml`, fetcher: fetcherWith({}) }),
    );
    expect(error).toMatchObject({ code: 'source-refused', retryable: false });
    expect(error.message).toContain(
      'resolves to 127.0.0.1 (loopback); allow it with SEARCH_SOURCE_ALLOW_HOSTS',
    );
    expect(server.seen).toEqual([]);
  });

  it('refuses a hostile feed that redirects to the cloud metadata address', async () => {
    const hostile = await start(redirectTo('http://169.254.169.254/latest/meta-data/'));
    const fetcher = fetcherWith({ SEARCH_SOURCE_ALLOW_HOSTS: `127.0.0.1:${hostile.port}` });
    const error = await refusal(new FeedSource({ url: `${hostile.origin}/feed.xml`, fetcher }));
    expect(error).toMatchObject({ code: 'source-refused', retryable: false });
    expect(error.message).toContain(
      'refused http://169.254.169.254/latest/meta-data/ : resolves to 169.254.169.254 (link-local)',
    );
    expect(hostile.seen).toEqual(['/feed.xml']);
  });

  it('refuses a hostile feed that redirects to a 10.x address or to another loopback port', async () => {
    const inside = await start((_req, res) => res.end(RSS));
    const toPrivate = await start(redirectTo('http://10.0.0.8/admin'));
    const toLoopback = await start(redirectTo(`${inside.origin}/internal.xml`));
    const fetcher = fetcherWith({
      SEARCH_SOURCE_ALLOW_HOSTS: `127.0.0.1:${toPrivate.port},127.0.0.1:${toLoopback.port}`,
    });
    const privateHop = await refusal(new FeedSource({ url: `${toPrivate.origin}/feed.xml`, fetcher }));
    expect(privateHop.message).toContain('refused http://10.0.0.8/admin : resolves to 10.0.0.8 (private)');
    const loopbackHop = await refusal(new FeedSource({ url: `${toLoopback.origin}/feed.xml`, fetcher }));
    expect(loopbackHop).toMatchObject({ code: 'source-refused', retryable: false });
    expect(loopbackHop.message).toContain(
      `refused ${inside.origin}/internal.xml : resolves to 127.0.0.1 (loopback)`,
    );
    expect(inside.seen).toEqual([]);
  });

  it('refuses a redirect chain to a public-looking host that resolves to a private address', async () => {
    const inside = await start((_req, res) => res.end(RSS));
    const middle = await start(redirectTo(`http://cdn.feeds-public.test:${inside.port}/rss.xml`));
    const hostile = await start(redirectTo(`http://mirror.feeds-public.test:${middle.port}/feed.xml`));
    // Every name resolves to loopback, as a rebinding DNS answer would; only the first two ports are allowed.
    const fetcher = fetcherWith(
      { SEARCH_SOURCE_ALLOW_HOSTS: `127.0.0.1:${hostile.port},127.0.0.1:${middle.port}` },
      () => Promise.resolve(['127.0.0.1']),
    );
    const error = await refusal(new FeedSource({ url: `${hostile.origin}/feed.xml`, fetcher }));
    expect(error).toMatchObject({ code: 'source-refused', retryable: false });
    expect(error.message).toContain(
      `refused http://cdn.feeds-public.test:${inside.port}/ : resolves to 127.0.0.1 (loopback)`,
    );
    expect(middle.seen).toEqual(['/feed.xml']);
    expect(inside.seen).toEqual([]);
  });

  it('never shows the key in its url, in its name or in a failure', async () => {
    const server = await start((_req, res) => res.writeHead(500).end());
    const fetcher = fetcherWith({ SEARCH_SOURCE_ALLOW_HOSTS: `127.0.0.1:${server.port}` });
    const source = new FeedSource({ url: `${server.origin}/feed.xml?api_key=FEED-SECRET`, fetcher });
    expect(source.name).toBe(`feed:${server.origin}/feed.xml?api_key=REDACTED`);
    const error = await refusal(source);
    expect(error).toMatchObject({ code: 'source-unavailable', retryable: true });
    expect(error.message).not.toContain('FEED-SECRET');
    expect(server.seen).toEqual(['/feed.xml?api_key=FEED-SECRET']);
  });
});
