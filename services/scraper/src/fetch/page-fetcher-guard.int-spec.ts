import type { ServerResponse } from 'node:http';
import { TaskError } from '@swarm/transport/errors';
import { parseFetchPolicy } from './fetch-policy.js';
import type { FetchPolicyInput } from './fetch-policy.js';
import type { ResolveHost } from '@swarm/http-guard';
import { PageFetcher } from './page-fetcher.js';
import { startLocalHttpServer } from './testing/local-http-server.js';
import type { LocalHttpServer } from './testing/local-http-server.js';

const PAGE = '<!doctype html><title>ok</title><p>allowed</p>';
const ok = (response: ServerResponse) => {
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end(PAGE);
};

describe('PageFetcher guards', () => {
  const servers: LocalHttpServer[] = [];
  const fetchers: PageFetcher[] = [];
  const serve = async (handler: Parameters<typeof startLocalHttpServer>[0]) => {
    const server = await startLocalHttpServer(handler);
    servers.push(server);
    return server;
  };
  const fetcherWith = (input: FetchPolicyInput, resolve?: ResolveHost) => {
    const fetcher = new PageFetcher(parseFetchPolicy(input), { resolve });
    fetchers.push(fetcher);
    return fetcher;
  };
  const failure = async (promise: Promise<unknown>): Promise<TaskError> => {
    const error = await promise.then(
      () => new Error('expected the fetch to fail'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TaskError);
    return error as TaskError;
  };

  afterAll(async () => {
    await Promise.all(fetchers.map((fetcher) => fetcher.close()));
    await Promise.all(servers.map((server) => server.close()));
  });

  describe('ssrf', () => {
    it('refuses 127.0.0.1 unless allowHosts lists it with its port', async () => {
      const server = await serve((_, response) => ok(response));
      const closed = await failure(fetcherWith({ respectRobots: false }).fetch(`${server.origin}/`));
      expect(closed).toMatchObject({ code: 'ssrf-refused', retryable: false });
      expect(closed.message).toBe(
        `refused ${server.origin}/ : resolves to 127.0.0.1 (loopback); allow it with SCRAPER_ALLOW_HOSTS`,
      );
      expect(server.paths).toEqual([]);

      const open = fetcherWith({ respectRobots: false, ssrf: { allowHosts: [server.hostPort] } });
      await expect(open.fetch(`${server.origin}/`)).resolves.toMatchObject({ status: 200, body: PAGE });
      expect(server.paths).toEqual(['/']);
    });

    it('checks the address a host name resolves to when connecting, not only the url', async () => {
      const server = await serve((_, response) => ok(response));
      const fetcher = fetcherWith({ respectRobots: false });
      // A real lookup: localhost passes every url check and is refused at connect time.
      const refused = await failure(fetcher.fetch(`http://localhost:${server.port}/`));
      expect(refused.code).toBe('ssrf-refused');
      expect(refused.message).toMatch(/resolves to (127\.0\.0\.1|::1) \(loopback\)/);
      // A public-looking name that rebinds to loopback is refused the same way.
      const rebinding = fetcherWith({ respectRobots: false }, () => Promise.resolve(['127.0.0.1']));
      await expect(
        failure(rebinding.fetch(`http://docs.rebind.test:${server.port}/`)),
      ).resolves.toMatchObject({
        code: 'ssrf-refused',
      });
      // One private address among public ones is enough to refuse.
      const mixed = fetcherWith({ respectRobots: false }, () =>
        Promise.resolve(['93.184.216.34', '10.0.0.5']),
      );
      await expect(failure(mixed.fetch('http://mixed.test/'))).resolves.toMatchObject({
        code: 'ssrf-refused',
      });
      expect(server.paths).toEqual([]);
    });

    it('connects a name to the allowed address it resolves to, keeping the name as Host', async () => {
      const server = await serve((_, response) => ok(response));
      const fetcher = fetcherWith({ respectRobots: false, ssrf: { allowHosts: [server.hostPort] } }, () =>
        Promise.resolve(['127.0.0.1']),
      );
      await expect(fetcher.fetch(`http://docs.dev.test:${server.port}/`)).resolves.toMatchObject({
        body: PAGE,
      });
      expect(server.headers.at(-1)?.host).toBe(`docs.dev.test:${server.port}`);
    });

    it('refuses a redirect to a private address or to a port that is not allowed', async () => {
      const other = await serve((_, response) => ok(response));
      const server = await serve((request, response) => {
        const location = request.url === '/to-private' ? 'http://10.0.0.5/admin' : `${other.origin}/secret`;
        response.writeHead(302, { location });
        response.end();
      });
      const fetcher = fetcherWith({ respectRobots: false, ssrf: { allowHosts: [server.hostPort] } });
      const privateHop = await failure(fetcher.fetch(`${server.origin}/to-private`));
      expect(privateHop).toMatchObject({ code: 'ssrf-refused', retryable: false });
      expect(privateHop.message).toContain('refused http://10.0.0.5/admin : resolves to 10.0.0.5 (private)');
      await expect(failure(fetcher.fetch(`${server.origin}/to-other-port`))).resolves.toMatchObject({
        code: 'ssrf-refused',
      });
      expect(other.paths).toEqual([]);
    });
  });

  describe('robots.txt', () => {
    it('refuses a disallowed path as permanent and fetches an allowed one', async () => {
      const server = await serve((request, response) => {
        if (request.url !== '/robots.txt') return ok(response);
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('User-agent: *\nDisallow: /\n\nUser-agent: agent-swarm-scraper\nDisallow: /private/\n');
      });
      const fetcher = fetcherWith({ ssrf: { allowHosts: [server.hostPort] } });
      const refused = await failure(fetcher.fetch(`${server.origin}/private/page`));
      expect(refused).toMatchObject({ code: 'robots-disallowed', retryable: false });
      expect(refused.message).toContain('for agent-swarm-scraper');
      await expect(fetcher.fetch(`${server.origin}/docs`)).resolves.toMatchObject({ status: 200 });
      expect(server.paths).toEqual(['/robots.txt', '/docs']);
    });

    it('reports a robots.txt answering 503 as a retryable robots-unreachable and skips the page', async () => {
      const server = await serve((request, response) => {
        if (request.url !== '/robots.txt') return ok(response);
        response.writeHead(503);
        response.end();
      });
      const fetcher = fetcherWith({ ssrf: { allowHosts: [server.hostPort] } });
      await expect(failure(fetcher.fetch(`${server.origin}/docs`))).resolves.toMatchObject({
        code: 'robots-unreachable',
        retryable: true,
      });
      expect(server.paths).toEqual(['/robots.txt']);
    });

    it('treats a missing robots.txt as allowing everything', async () => {
      const server = await serve((request, response) => {
        if (request.url !== '/robots.txt') return ok(response);
        response.writeHead(404);
        response.end();
      });
      const fetcher = fetcherWith({ ssrf: { allowHosts: [server.hostPort] } });
      await expect(fetcher.fetch(`${server.origin}/docs`)).resolves.toMatchObject({ status: 200 });
    });
  });

  describe('per-host concurrency', () => {
    it('never has more than perHostConcurrency requests open on one host', async () => {
      let open = 0;
      let maxOpen = 0;
      let unanswered = 6;
      const held: ServerResponse[] = [];
      let release: NodeJS.Timeout | undefined;
      const answerHeld = () => {
        release = undefined;
        for (const response of held.splice(0)) {
          open -= 1;
          unanswered -= 1;
          ok(response);
        }
      };
      // Requests are held until two are open at once (or the last one is alone), then held a while longer: a
      // limiter that let more through would show more open requests. The count is the assertion, not the time.
      const server = await serve((request, response) => {
        if (request.url === '/robots.txt') {
          response.writeHead(404);
          response.end();
          return;
        }
        open += 1;
        maxOpen = Math.max(maxOpen, open);
        held.push(response);
        if (held.length >= Math.min(2, unanswered) && release === undefined)
          release = setTimeout(answerHeld, 50);
      });
      const fetcher = fetcherWith({ perHostConcurrency: 2, ssrf: { allowHosts: [server.hostPort] } });
      const pages = await Promise.all(
        Array.from({ length: 6 }, (_, index) => fetcher.fetch(`${server.origin}/page/${index}`)),
      );
      expect(pages.map((page) => page.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(maxOpen).toBe(2);
      expect(server.paths.filter((path) => path === '/robots.txt')).toHaveLength(1);
    });
  });
});
