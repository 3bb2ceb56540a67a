import { loadCorpus } from './corpus-loader.js';
import type { DocsServer } from './docs-server.js';
import { startDocsServer } from './docs-server.js';

describe('startDocsServer', () => {
  let server: DocsServer;

  beforeAll(async () => {
    server = await startDocsServer();
  });

  afterAll(async () => {
    await server.close();
  });

  afterEach(() => server.setFaults({}));

  it('binds loopback on a random port', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    expect(server.pageUrl('openai')).toBe(`${server.url}/packages/openai.html`);
  });

  it('serves the index linking every package', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await res.text()).match(/href="\/packages\//g)).toHaveLength(loadCorpus().length);
  });

  it('serves a package page and logs the request', async () => {
    const res = await fetch(server.pageUrl('langchain__langgraph'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>@langchain/langgraph</h1>');
    expect(server.requests()).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/packages/langchain__langgraph.html' }),
    );
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(server.pageUrl('openai'), { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(1000);
    expect(await res.text()).toBe('');
  });

  it('answers 404 for an unknown package or path', async () => {
    expect((await fetch(server.pageUrl('no-such-package'))).status).toBe(404);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
  });

  it('answers 405 to other methods', async () => {
    const res = await fetch(server.pageUrl('openai'), { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('allows everything in robots.txt unless pages are disallowed', async () => {
    expect(await (await fetch(`${server.url}/robots.txt`)).text()).toBe('User-agent: *\nAllow: /\n');
    server.setFaults({ disallow: ['openai', 'chromadb'] });
    expect(await (await fetch(`${server.url}/robots.txt`)).text()).toBe(
      'User-agent: *\nDisallow: /packages/openai.html\nDisallow: /packages/chromadb.html\n',
    );
  });

  it('delays a page by the configured time', async () => {
    server.setFaults({ delayMs: { openai: 5_000 } });
    await expect(fetch(server.pageUrl('openai'), { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    server.setFaults({ delayMs: { openai: 20 } });
    expect((await fetch(server.pageUrl('openai'))).status).toBe(200);
  });

  it('answers with an injected status', async () => {
    server.setFaults({ status: { openai: 503, chromadb: 403 } });
    const res = await fetch(server.pageUrl('openai'));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await fetch(server.pageUrl('chromadb'))).status).toBe(403);
    expect((await fetch(server.pageUrl('ollama'))).status).toBe(200);
  });

  it('serves a page under an injected content type', async () => {
    server.setFaults({ contentType: { openai: 'application/pdf' } });
    expect((await fetch(server.pageUrl('openai'))).headers.get('content-type')).toBe('application/pdf');
  });

  it('serves injected HTML instead of a page, and the real page again once the fault is gone', async () => {
    server.setFaults({ pageBody: { openai: '<html><body><p>hostile</p></body></html>' } });
    expect(await (await fetch(server.pageUrl('openai'))).text()).toBe(
      '<html><body><p>hostile</p></body></html>',
    );
    expect(await (await fetch(server.pageUrl('ollama'))).text()).not.toContain('hostile');
    server.setFaults({});
    expect(await (await fetch(server.pageUrl('openai'))).text()).not.toContain('hostile');
  });

  it('answers 500 instead of crashing on an invalid injected status', async () => {
    server.setFaults({ status: { openai: 42 } });
    expect((await fetch(server.pageUrl('openai'))).status).toBe(500);
  });
});

describe('startDocsServer with a package set', () => {
  it('serves only the given packages', async () => {
    const [first, second] = loadCorpus();
    const server = await startDocsServer({ packages: [first!] });
    try {
      expect((await fetch(server.pageUrl(first!.id))).status).toBe(200);
      expect((await fetch(server.pageUrl(second!.id))).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe('DocsServer.close', () => {
  it('destroys a hanging request and resolves', async () => {
    const server = await startDocsServer({ faults: { hangIds: ['openai'] } });
    const hanging = fetch(server.pageUrl('openai'));
    const outcome = hanging.then(
      () => 'answered',
      () => 'failed',
    );
    await waitFor(() => server.requests().length === 1);
    await server.close();
    expect(await outcome).toBe('failed');
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
    await server.close();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
