import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadCorpus } from './corpus-loader.js';
import type { CorpusPackage } from './corpus-package.js';
import { escapeHtml, renderDocument } from './html.js';
import { packagePagePath, renderIndexPage, renderPackagePage } from './package-page.js';

/**
 * Faults the docs server injects per package id, all optional. Only package pages are affected; the index and
 * robots.txt always answer.
 */
export interface DocsServerFaults {
  /** Wait this many milliseconds before answering the page. */
  delayMs?: Readonly<Record<string, number>>;
  /** Answer the page with this HTTP status (100-599) and a short text body instead of the page. */
  status?: Readonly<Record<string, number>>;
  /** Ids whose pages robots.txt disallows (the pages themselves are still served). */
  disallow?: readonly string[];
  /** Serve the page under this `content-type` instead of `text/html; charset=utf-8`. */
  contentType?: Readonly<Record<string, string>>;
  /** Accept the request for these pages and never answer it (until the server closes). */
  hangIds?: readonly string[];
  /** Serve this HTML instead of the page (e.g. a hostile page: `hostilePage` of `@swarm/testing`). */
  pageBody?: Readonly<Record<string, string>>;
}

/** Options of {@link startDocsServer}. */
export interface DocsServerOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port to bind; default 0, a random free port. */
  port?: number;
  /** Packages to serve; default the shipped corpus ({@link loadCorpus}). */
  packages?: readonly CorpusPackage[];
  /** Faults to inject from the start; replace them later with `setFaults`. */
  faults?: DocsServerFaults;
}

/** One request the docs server received. */
export interface DocsRequest {
  method: string;
  /** The path without the query string, e.g. `/packages/openai.html`. */
  path: string;
  /** When it arrived, in epoch milliseconds. */
  at: number;
}

/** A running docs server. */
export interface DocsServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  readonly port: number;
  /** The absolute URL of a package's page. */
  pageUrl(id: string): string;
  /** The requests received so far, oldest first. */
  requests(): readonly DocsRequest[];
  /** Replaces the injected faults; applies to requests that arrive afterwards. */
  setFaults(faults: DocsServerFaults): void;
  /** Stops listening and destroys open connections, hanging ones included. Idempotent. */
  close(): Promise<void>;
}

const PAGE_PATH = /^\/packages\/([^/]+)\.html$/;
const HTML = 'text/html; charset=utf-8';

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-cache',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A fault value for an id, ignoring inherited properties (`constructor` is a valid package id). */
function faultFor<V>(record: Readonly<Record<string, V>> | undefined, id: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
}

function robotsTxt(disallow: readonly string[]): string {
  const rules =
    disallow.length === 0 ? ['Allow: /'] : disallow.map((id) => `Disallow: ${packagePagePath(id)}`);
  return ['User-agent: *', ...rules, ''].join('\n');
}

function notFoundPage(path: string): string {
  return renderDocument({
    title: 'Not found · Agent Tooling Docs',
    description: 'The page does not exist.',
    canonicalPath: '/',
    main: `<h1>Not found</h1>\n<p>No page at <code>${escapeHtml(path)}</code>.</p>`,
  });
}

/**
 * Starts a loopback HTTP server with the documentation site of a package set: `GET|HEAD /` (index),
 * `/packages/<id>.html` (page, 404 for an unknown id), `/robots.txt`; other paths 404, other methods 405.
 * Faults ({@link DocsServerFaults}) let tests and demos simulate slow, failing, disallowed and hanging pages.
 * @throws when the address cannot be bound (e.g. EADDRINUSE).
 */
export async function startDocsServer(options: DocsServerOptions = {}): Promise<DocsServer> {
  const host = options.host ?? '127.0.0.1';
  const packages = options.packages ?? loadCorpus();
  const byId = new Map(packages.map((pkg) => [pkg.id, pkg]));
  const rendered = new Map<string, string>();
  const log: DocsRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let faults: DocsServerFaults = options.faults ?? {};

  const answerPage = (req: IncomingMessage, res: ServerResponse, pkg: CorpusPackage): void => {
    if (res.destroyed) return;
    const status = faultFor(faults.status, pkg.id);
    if (status !== undefined) {
      const headers: Record<string, string> = status === 429 || status === 503 ? { 'retry-after': '1' } : {};
      send(req, res, status, 'text/plain; charset=utf-8', `simulated status ${status}\n`, headers);
      return;
    }
    let page = faultFor(faults.pageBody, pkg.id) ?? rendered.get(pkg.id);
    if (page === undefined) {
      page = renderPackagePage(pkg);
      rendered.set(pkg.id, page);
    }
    send(req, res, 200, faultFor(faults.contentType, pkg.id) ?? HTML, page);
  };

  const route = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(req, res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    if (path === '/' || path === '/index.html') {
      send(req, res, 200, HTML, renderIndexPage(packages));
      return;
    }
    if (path === '/robots.txt') {
      send(req, res, 200, 'text/plain; charset=utf-8', robotsTxt(faults.disallow ?? []));
      return;
    }
    const id = PAGE_PATH.exec(path)?.[1];
    const pkg = id === undefined ? undefined : byId.get(decodeURIComponent(id));
    if (pkg === undefined) {
      send(req, res, 404, HTML, notFoundPage(path));
      return;
    }
    if (faults.hangIds?.includes(pkg.id)) return;
    const delay = faultFor(faults.delayMs, pkg.id) ?? 0;
    if (delay <= 0) {
      answerPage(req, res, pkg);
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      answerPage(req, res, pkg);
    }, delay);
    timers.add(timer);
  };

  const server = createServer((req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://docs.invalid').pathname;
      log.push({ method: req.method ?? 'GET', path, at: Date.now() });
      route(req, res, path);
    } catch (error) {
      // A bad fault (e.g. an invalid status) or a malformed path must not crash the process.
      if (!res.headersSent)
        send(req, res, 500, 'text/plain; charset=utf-8', `internal error: ${String(error)}\n`);
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    port,
    pageUrl: (id) => `${url}${packagePagePath(id)}`,
    requests: () => [...log],
    setFaults: (next) => {
      faults = next;
    },
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
