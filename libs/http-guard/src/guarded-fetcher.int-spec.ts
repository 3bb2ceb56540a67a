import type { ServerResponse } from 'node:http';
import { TaskError } from '@swarm/transport/errors';
import type { GuardedFetcher, GuardedFetchPolicy } from './guarded-fetcher.js';
import { createGuardedFetch } from './guarded-fetcher.js';
import type { ResolveHost } from './guarded-connector.js';
import { startLocalHttpServer } from './testing/local-http-server.js';
import type { LocalHttpServer } from './testing/local-http-server.js';

const redirect = (response: ServerResponse, location: string) => {
  response.writeHead(302, { location });
  response.end();
};

describe('GuardedFetcher against real loopback servers', () => {
  const servers: LocalHttpServer[] = [];
  const fetchers: GuardedFetcher[] = [];
  const serve = async (handler: Parameters<typeof startLocalHttpServer>[0]) => {
    const server = await startLocalHttpServer(handler);
    servers.push(server);
    return server;
  };
  const fetcher = (
    ssrf: Partial<GuardedFetchPolicy['ssrf']>,
    extra: Partial<GuardedFetchPolicy> = {},
    resolve?: ResolveHost,
  ) => {
    const created = createGuardedFetch(
      {
        timeoutMs: 5_000,
        maxBytes: 1_024,
        maxRedirects: 3,
        ssrf: { allowPrivateNetworks: false, allowHosts: [], allowHostsSetting: 'FEED_ALLOW_HOSTS', ...ssrf },
        ...extra,
      },
      { resolve },
    );
    fetchers.push(created);
    return created;
  };
  const failure = async (promise: Promise<unknown>): Promise<TaskError> => {
    const error = await promise.then(
      () => new Error('expected the request to fail'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TaskError);
    return error as TaskError;
  };

  afterAll(async () => {
    await Promise.all(fetchers.map((created) => created.close()));
    await Promise.all(servers.map((server) => server.close()));
  });

  describe('a hostile feed redirecting inward', () => {
    it('is refused when it redirects to the cloud metadata address, naming the hop', async () => {
      const feed = await serve((_, response) =>
        redirect(response, 'http://169.254.169.254/latest/meta-data/'),
      );
      const refused = await failure(
        fetcher({ allowHosts: [feed.hostPort] }).request({ url: `${feed.origin}/feed.xml` }),
      );
      expect(refused).toMatchObject({ code: 'ssrf-refused', retryable: false });
      expect(refused.message).toBe(
        'refused http://169.254.169.254/latest/meta-data/ : resolves to 169.254.169.254 (link-local); ' +
          'allow it with FEED_ALLOW_HOSTS',
      );
    });

    it('is refused when it redirects to a private network address', async () => {
      const feed = await serve((_, response) => redirect(response, 'http://10.1.2.3/admin'));
      const refused = await failure(
        fetcher({ allowHosts: [feed.hostPort] }).request({ url: `${feed.origin}/feed.xml` }),
      );
      expect(refused.message).toContain('resolves to 10.1.2.3 (private)');
    });

    it('is refused when it redirects to another loopback port, which never sees a request', async () => {
      const inside = await serve((_, response) => response.end('internal'));
      const feed = await serve((_, response) => redirect(response, `${inside.origin}/secret`));
      const refused = await failure(
        fetcher({ allowHosts: [feed.hostPort] }).request({ url: `${feed.origin}/feed.xml` }),
      );
      expect(refused).toMatchObject({ code: 'ssrf-refused' });
      expect(refused.message).toContain(`refused ${inside.origin}/secret : resolves to 127.0.0.1 (loopback)`);
      expect(inside.paths).toEqual([]);
      expect(feed.paths).toEqual(['/feed.xml']);
    });

    it('is refused at connect time when a public-looking host in the chain resolves to a private address', async () => {
      const inside = await serve((_, response) => response.end('internal'));
      const middle = await serve((_, response) =>
        redirect(response, `http://cdn.public-feeds.test:${inside.port}/latest`),
      );
      const feed = await serve((_, response) =>
        redirect(response, `http://mirror.public-feeds.test:${middle.port}/feed.xml`),
      );
      // Both names resolve to loopback: the first hop's port is allowed, the second's is not.
      const resolve: ResolveHost = () => Promise.resolve(['127.0.0.1']);
      const guarded = fetcher({ allowHosts: [feed.hostPort, middle.hostPort] }, {}, resolve);
      const refused = await failure(guarded.request({ url: `${feed.origin}/feed.xml` }));
      expect(refused).toMatchObject({ code: 'ssrf-refused', retryable: false });
      expect(refused.message).toContain(
        `refused http://cdn.public-feeds.test:${inside.port}/ : resolves to 127.0.0.1 (loopback)`,
      );
      expect(middle.paths).toEqual(['/feed.xml']);
      expect(inside.paths).toEqual([]);
    });

    it('is followed when private networks are allowed (loopback tests only)', async () => {
      const inside = await serve((_, response) => response.end('inner body'));
      const feed = await serve((_, response) => redirect(response, `${inside.origin}/moved`));
      const response = await fetcher({ allowPrivateNetworks: true }).request({
        url: `${feed.origin}/feed.xml`,
      });
      expect(response).toMatchObject({ status: 200, redirects: 1 });
      expect(response.url.href).toBe(`${inside.origin}/moved`);
      expect(response.body.toString()).toBe('inner body');
    });
  });

  it('refuses a loopback target without an allow-list entry, before connecting', async () => {
    const server = await serve((_, response) => response.end('ok'));
    const refused = await failure(fetcher({}).request({ url: `${server.origin}/` }));
    expect(refused).toMatchObject({ code: 'ssrf-refused', retryable: false });
    expect(server.paths).toEqual([]);
  });

  it('never shows a secret of the url in a failure', async () => {
    const server = await serve((_, response) => redirect(response, '/again?token=LOOP-SECRET'));
    const refused = await failure(fetcher({}).request({ url: `${server.origin}/feed?api_key=SECRET-1` }));
    expect(refused.message).toContain('api_key=REDACTED');
    expect(refused.message).not.toContain('SECRET-1');
    const looping = await failure(
      fetcher({ allowHosts: [server.hostPort] }).request({ url: `${server.origin}/feed?api_key=SECRET-1` }),
    );
    expect(looping).toMatchObject({ code: 'too-many-redirects', retryable: false });
    expect(looping.message).not.toMatch(/SECRET/);
  });

  it("returns a redirect as the answer with redirect: 'manual', following nothing", async () => {
    const other = await serve((_, response) => response.end('elsewhere'));
    const hook = await serve((_, response) => redirect(response, `${other.origin}/`));
    const response = await fetcher({ allowHosts: [hook.hostPort, other.hostPort] }).request({
      url: `${hook.origin}/hook`,
      method: 'POST',
      body: '{}',
      redirect: 'manual',
    });
    expect(response).toMatchObject({ status: 302, redirects: 0 });
    expect(response.headers['location']).toBe(`${other.origin}/`);
    expect(other.paths).toEqual([]);
  });

  it('posts the body and headers it is given', async () => {
    let received = '';
    const hook = await serve((request, response) => {
      request.on('data', (chunk: Buffer) => (received += chunk.toString()));
      request.on('end', () => response.writeHead(204).end());
    });
    const response = await fetcher({ allowHosts: [hook.hostPort] }, { userAgent: 'swarm-test/1' }).request({
      url: `${hook.origin}/hook`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(204);
    expect(received).toBe('{"a":1}');
    expect(hook.headers[0]).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'swarm-test/1',
    });
  });

  it('fails a body over the limit with a permanent too-large, or cuts it when asked to', async () => {
    const big = await serve((_, response) => response.end('x'.repeat(5_000)));
    const guarded = fetcher({ allowHosts: [big.hostPort] });
    await expect(failure(guarded.request({ url: `${big.origin}/` }))).resolves.toMatchObject({
      code: 'too-large',
      retryable: false,
    });
    const cut = await guarded.request({ url: `${big.origin}/`, maxBytes: 100, truncate: true });
    expect(cut.body.length).toBe(100);
  });

  it('gives up on a server that does not answer within the timeout, retryably', async () => {
    const silent = await serve(() => undefined);
    const refused = await failure(
      fetcher({ allowHosts: [silent.hostPort] }).request({ url: `${silent.origin}/`, timeoutMs: 200 }),
    );
    expect(refused).toMatchObject({ code: 'timeout', retryable: true });
  });

  it('skips the body and throws the error the caller decides on from the response head', async () => {
    const gone = await serve((_, response) => response.writeHead(404).end('not here'));
    const guarded = fetcher({ allowHosts: [gone.hostPort] });
    const skipped = await guarded.request({ url: `${gone.origin}/`, readBody: () => 'skip' });
    expect(skipped).toMatchObject({ status: 404 });
    expect(skipped.body.length).toBe(0);
    const decided = new Error('status 404 is final');
    await expect(guarded.request({ url: `${gone.origin}/`, readBody: () => decided })).rejects.toBe(decided);
  });
});
