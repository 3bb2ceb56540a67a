import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TaskError } from '@swarm/transport/errors';
import { extractPage } from '../domain/extract-page.js';
import type { ExtractLimits } from './extract-pool.js';
import { ExtractPool } from './extract-pool.js';

// Real worker threads running the built worker (dist/): `nx run @swarm/scraper:test` builds first.
const docs = readFileSync(join(__dirname, '../domain/fixtures/docs-page.html'), 'utf8');
const meta = {
  url: 'https://fastify-lite.example/docs',
  finalUrl: 'https://fastify-lite.example/docs/',
  bytes: docs.length,
  fetchedAt: '2025-11-21T05:49:00.000Z',
};
const limits: ExtractLimits = {
  maxElements: 50_000,
  maxDepth: 512,
  timeoutMs: 5_000,
  threads: 1,
  heapMb: 128,
};
const paragraphs = (count: number) => `<html><body>${'<p>x</p>'.repeat(count)}</body></html>`;

async function failureOf(promise: Promise<unknown>): Promise<TaskError> {
  const error: unknown = await promise.then(
    () => new Error('expected the extraction to fail'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof TaskError)) throw error;
  return error;
}

describe('ExtractPool', () => {
  const pools: ExtractPool[] = [];
  const pool = (overrides: Partial<ExtractLimits> = {}) => {
    const created = new ExtractPool({ ...limits, ...overrides });
    pools.push(created);
    return created;
  };
  afterAll(() => Promise.all(pools.map((created) => created.close())));

  it('extracts in a worker thread exactly what extractPage extracts in process', async () => {
    expect(await pool().extract(docs, meta)).toEqual(extractPage(docs, meta));
  });

  it('refuses a page of 60,000 paragraphs as page-too-complex, permanently', async () => {
    const error = await failureOf(pool().extract(paragraphs(60_000), meta));
    expect(error).toMatchObject({ code: 'page-too-complex', retryable: false });
    expect(error.message).toContain('SCRAPER_MAX_ELEMENTS');
  });

  it('refuses a page of 10,000 nested divs as page-too-complex instead of overflowing the stack', async () => {
    const deep = `<html><body>${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}</body></html>`;
    const error = await failureOf(pool().extract(deep, meta));
    expect(error).toMatchObject({ code: 'page-too-complex', retryable: false });
    expect(error.message).toContain('SCRAPER_MAX_DEPTH');
  });

  it('terminates a worker past its CPU time, refuses the page, and extracts the next page on a new worker', async () => {
    // 400,000 paragraphs take seconds of CPU; the next page takes milliseconds, with room for a loaded machine.
    // The heap is large enough that the CPU time, not the memory (128 MiB would run out first), ends it.
    const slow = pool({ maxElements: 1_000_000, timeoutMs: 600, heapMb: 1_024 });
    const error = await failureOf(slow.extract(paragraphs(400_000), meta));
    expect(error).toMatchObject({ code: 'page-too-complex', retryable: false });
    expect(error.message).toContain('SCRAPER_EXTRACT_TIMEOUT_MS');
    expect((await slow.extract(docs, meta)).title).toContain('Fastify Lite');
  });

  it("refuses a page that exhausts the worker's heap as page-too-complex, and extracts the next one", async () => {
    const small = pool({ maxElements: 1_000_000, timeoutMs: 120_000, heapMb: 64 });
    const error = await failureOf(small.extract(paragraphs(400_000), meta));
    expect(error).toMatchObject({ code: 'page-too-complex', retryable: false });
    expect(error.message).toContain('SCRAPER_EXTRACT_HEAP_MB');
    expect((await small.extract(docs, meta)).title).toContain('Fastify Lite');
  });

  it("gives a page up as retryable 'aborted' when the caller aborts", async () => {
    const controller = new AbortController();
    const running = pool({ maxElements: 1_000_000, heapMb: 1_024 }).extract(
      paragraphs(400_000),
      meta,
      controller.signal,
    );
    controller.abort(new Error('shutting down'));
    expect(await failureOf(running)).toMatchObject({ code: 'aborted', retryable: true });
  });

  it("reports a worker's error between pages to its listener instead of throwing it from the pool", async () => {
    const seen: Error[] = [];
    const created = new ExtractPool(limits, undefined, (error) => seen.push(error));
    pools.push(created);
    // piscina emits `error` for a worker failing outside any task (say, out of memory after a page it gave up).
    const outOfMemory = Object.assign(new Error('Worker terminated due to reaching memory limit'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
    expect(() =>
      (created as unknown as { pool: NodeJS.EventEmitter }).pool.emit('error', outOfMemory),
    ).not.toThrow();
    expect(seen).toEqual([outOfMemory]);
    expect((await created.extract(docs, meta)).title).toContain('Fastify Lite');
  });
});
