import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TaskError } from '@swarm/transport/errors';
import { FeedSource } from './feed-source.js';

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

describe('FeedSource against a local HTTP server', () => {
  const routes = new Map<string, Route>();
  let server: Server;
  let base: string;

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
      const route = routes.get(req.url ?? '');
      if (route) route(req, res);
      else xml('not found', 404)(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
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
    const source = new FeedSource({ url: `${base}/rss.xml` });
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
    const hits = await new FeedSource({ url: `${base}/atom.xml` }).search('model context protocol server', 5);
    expect(hits.map((hit) => hit.pageUrl)).toEqual(['https://releases.example.test/relay']);
  });

  it('returns nothing when no item matches', async () => {
    expect(await new FeedSource({ url: `${base}/rss.xml` }).search('zzqxv', 5)).toEqual([]);
  });

  it('fails permanently on a malformed feed', async () => {
    const error = await failure(new FeedSource({ url: `${base}/broken.xml` }));
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
    expect(error.message).toContain('is not well-formed XML');
  });

  it('fails permanently on a document that is not a feed', async () => {
    const error = await failure(new FeedSource({ url: `${base}/html.xml` }));
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
  });

  it('fails retryably on a 500', async () => {
    const error = await failure(new FeedSource({ url: `${base}/error.xml` }));
    expect(error).toMatchObject({ code: 'source-unavailable', retryable: true });
    expect(error.message).toContain('status 500');
  });

  it('fails permanently on a 404', async () => {
    expect(await failure(new FeedSource({ url: `${base}/gone.xml` }))).toMatchObject({
      code: 'source-rejected',
      retryable: false,
    });
  });

  it('fails retryably when the feed does not answer in time', async () => {
    const error = await failure(new FeedSource({ url: `${base}/hang.xml`, timeoutMs: 150 }));
    expect(error).toMatchObject({ code: 'source-timeout', retryable: true });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = failure(new FeedSource({ url: `${base}/hang.xml` }), controller.signal);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'source-aborted', retryable: true });
  });

  it('refuses a feed larger than the limit', async () => {
    const error = await failure(new FeedSource({ url: `${base}/rss.xml`, maxBytes: 100 }));
    expect(error).toMatchObject({ code: 'source-bad-response', retryable: false });
  });

  it('fails retryably when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(new FeedSource({ url: `http://127.0.0.1:${port}/feed.xml` }));
    expect(error).toMatchObject({ code: 'source-unreachable', retryable: true });
  });
});
