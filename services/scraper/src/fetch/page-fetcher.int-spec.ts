import { EventEmitter, once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { TaskError } from '@swarm/transport/errors';
import { parseFetchPolicy } from './fetch-policy.js';
import type { FetchPolicyInput } from './fetch-policy.js';
import { PageFetcher } from './page-fetcher.js';
import { closedPort, startLocalHttpServer } from './testing/local-http-server.js';
import type { LocalHttpServer } from './testing/local-http-server.js';

const MIB = 1_024 * 1_024;
const PAGE =
  '<!doctype html><html><head><title>Docs</title></head><body><main><p>Hello docs</p></main></body></html>';
const arrivals = new EventEmitter();

function route(path: string, response: ServerResponse): void {
  const html = (status: number, body: string, type = 'text/html; charset=utf-8') => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  };
  const redirect = /^\/r\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    if (left === 0) return html(200, PAGE);
    // Alternate relative and absolute locations.
    response.writeHead(left % 2 === 0 ? 301 : 307, {
      location: left % 2 === 0 ? `${left - 1}` : `/r/${left - 1}`,
    });
    return void response.end();
  }
  const status = /^\/status\/(\d+)$/.exec(path);
  if (status) return html(Number(status[1]), `<p>status ${status[1]}</p>`);
  switch (path) {
    case '/':
      return html(200, PAGE);
    case '/big': {
      // 3 MiB in 64 KiB chunks, no content-length: the fetcher must stop reading by itself.
      response.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1_024, 'a');
      const write = (left: number): void => {
        if (left === 0 || response.destroyed) return void response.end();
        if (response.write(chunk)) write(left - 1);
        else response.once('drain', () => write(left - 1));
      };
      response.on('error', () => undefined);
      return write(48);
    }
    case '/big-declared':
      response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(3 * MIB) });
      return void response.write('<p>the rest never comes</p>');
    case '/json':
      return html(200, '{"docs":true}', 'application/json');
    case '/untyped':
      response.writeHead(200);
      return void response.end(PAGE);
    case '/latin1':
      response.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
      return void response.end(Buffer.from('<title>Crème brûlée</title>', 'latin1'));
    case '/gzip':
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      return void response.end(gzipSync(PAGE));
    case '/hang':
      arrivals.emit('hang');
      return;
    case '/stall-body':
      response.writeHead(200, { 'content-type': 'text/html' });
      response.write('<p>first bytes');
      return;
    case '/to-mailto':
      response.writeHead(302, { location: 'mailto:docs@example.org' });
      return void response.end();
    case '/to-nowhere':
      response.writeHead(302, { location: 'http://[::1' });
      return void response.end();
    default:
      return html(404, 'not found');
  }
}

describe('PageFetcher against a local server', () => {
  let server: LocalHttpServer;
  let fetcher: PageFetcher;
  const fetchers: PageFetcher[] = [];
  const fetcherWith = (input: FetchPolicyInput = {}) => {
    const created = new PageFetcher(
      parseFetchPolicy({
        respectRobots: false,
        maxBytes: MIB,
        ...input,
        ssrf: { allowHosts: [server.hostPort] },
      }),
    );
    fetchers.push(created);
    return created;
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the fetch to fail');
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(TaskError);
        return error as TaskError;
      },
    );

  beforeAll(async () => {
    server = await startLocalHttpServer((request, response) => route(request.url ?? '/', response));
    fetcher = fetcherWith();
  });

  afterAll(async () => {
    await Promise.all(fetchers.map((created) => created.close()));
    await server.close();
  });

  it('fetches an allowed page with its status, type, size and decoded body, sending its user agent', async () => {
    const page = await fetcher.fetch(`${server.origin}/`);
    expect(page).toEqual({
      url: `${server.origin}/`,
      finalUrl: `${server.origin}/`,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: PAGE,
      bytes: Buffer.byteLength(PAGE),
    });
    expect(server.headers.at(-1)?.['user-agent']).toBe(
      'agent-swarm-scraper/0.1 (+https://github.com/agent-swarm)',
    );
  });

  it('follows a redirect chain within the limit, relative locations included', async () => {
    const page = await fetcher.fetch(`${server.origin}/r/5`);
    expect(page.finalUrl).toBe(`${server.origin}/r/0`);
    expect(page.url).toBe(`${server.origin}/r/5`);
    expect(page.body).toBe(PAGE);
  });

  it('gives up past the redirect limit with a permanent too-many-redirects', async () => {
    const seen = server.paths.length;
    const error = await failure(fetcher.fetch(`${server.origin}/r/6`));
    expect(error).toMatchObject({ code: 'too-many-redirects', retryable: false });
    expect(server.paths.slice(seen)).toEqual(['/r/6', '/r/5', '/r/4', '/r/3', '/r/2', '/r/1']);
  });

  it('refuses a redirect to a non-http scheme or an unparsable location', async () => {
    await expect(failure(fetcher.fetch(`${server.origin}/to-mailto`))).resolves.toMatchObject({
      code: 'invalid-url',
    });
    await expect(failure(fetcher.fetch(`${server.origin}/to-nowhere`))).resolves.toMatchObject({
      code: 'bad-redirect',
      retryable: false,
    });
  });

  it('aborts a body past maxBytes with a permanent too-large, streamed or declared', async () => {
    await expect(failure(fetcher.fetch(`${server.origin}/big`))).resolves.toMatchObject({
      code: 'too-large',
      retryable: false,
    });
    await expect(failure(fetcher.fetch(`${server.origin}/big-declared`))).resolves.toMatchObject({
      code: 'too-large',
    });
  });

  it('refuses a wrong or missing content type as permanent', async () => {
    const error = await failure(fetcher.fetch(`${server.origin}/json`));
    expect(error).toMatchObject({ code: 'bad-content-type', retryable: false });
    expect(error.message).toContain('"application/json"');
    await expect(failure(fetcher.fetch(`${server.origin}/untyped`))).resolves.toMatchObject({
      code: 'bad-content-type',
    });
  });

  it.each([
    [404, false],
    [410, false],
    [403, false],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
  ])('maps http %i to its http-<status> code (retryable: %s)', async (status, retryable) => {
    await expect(failure(fetcher.fetch(`${server.origin}/status/${status}`))).resolves.toMatchObject({
      code: `http-${status}`,
      retryable,
    });
  });

  it('times out a server that never answers, or stalls mid-body, as retryable', async () => {
    const impatient = fetcherWith({ timeoutMs: 300 });
    await expect(failure(impatient.fetch(`${server.origin}/hang`))).resolves.toMatchObject({
      code: 'timeout',
      retryable: true,
    });
    await expect(failure(impatient.fetch(`${server.origin}/stall-body`))).resolves.toMatchObject({
      code: 'timeout',
    });
  });

  it("reports the caller's abort as a retryable aborted", async () => {
    const controller = new AbortController();
    const arrived = once(arrivals, 'hang');
    const fetching = fetcher.fetch(`${server.origin}/hang`, controller.signal);
    await arrived;
    controller.abort(new Error('draining'));
    await expect(failure(fetching)).resolves.toMatchObject({ code: 'aborted', retryable: true });
  });

  it('reports a refused connection as a retryable network error', async () => {
    const port = await closedPort();
    const closedFetcher = new PageFetcher(
      parseFetchPolicy({ respectRobots: false, ssrf: { allowHosts: [`127.0.0.1:${port}`] } }),
    );
    fetchers.push(closedFetcher);
    await expect(failure(closedFetcher.fetch(`http://127.0.0.1:${port}/`))).resolves.toMatchObject({
      code: 'network',
      retryable: true,
    });
  });

  it('reports a host that does not resolve as a permanent dns-not-found', async () => {
    // What getaddrinfo reports for NXDOMAIN, without depending on the machine's resolver being reachable.
    const nxdomain = (hostname: string) =>
      Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    const open = new PageFetcher(parseFetchPolicy({ respectRobots: false }), { resolve: nxdomain });
    fetchers.push(open);
    await expect(failure(open.fetch('http://no-such-host.invalid/'))).resolves.toMatchObject({
      code: 'dns-not-found',
      retryable: false,
    });
  });

  it('decodes a latin1 page by its charset and a gzip page by its encoding', async () => {
    await expect(fetcher.fetch(`${server.origin}/latin1`)).resolves.toMatchObject({
      body: '<title>Crème brûlée</title>',
    });
    const gzip = await fetcher.fetch(`${server.origin}/gzip`);
    expect(gzip).toMatchObject({ body: PAGE, bytes: Buffer.byteLength(PAGE) });
    expect(server.headers.at(-1)?.['accept-encoding']).toBe('gzip, br');
  });

  it('fails later fetches with aborted once closed', async () => {
    const closing = fetcherWith();
    await closing.fetch(`${server.origin}/`);
    await closing.close();
    await expect(failure(closing.fetch(`${server.origin}/`))).resolves.toMatchObject({
      code: 'aborted',
      retryable: true,
    });
  });
});
