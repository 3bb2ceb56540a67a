import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import type { PageExtract } from '@swarm/contracts';
import { TaskError } from '@swarm/transport/errors';
import { Piscina } from 'piscina';
import type { ExtractPageInput } from '../domain/extract-page.js';
import { SCRAPE_ERROR_CODES } from '../domain/errors.js';
import type { PageBounds } from '../domain/html-tree.js';
import type { ExtractJob, ExtractReply } from './extract-job.js';
import type { PageExtractor } from './page-extractor.js';

/** The extraction bounds and the pool's size (see `ScraperEnv` for the settings and defaults). */
export interface ExtractLimits extends PageBounds {
  /** CPU time one page may take in a worker, from when the worker starts on it (`SCRAPER_EXTRACT_TIMEOUT_MS`). */
  readonly timeoutMs: number;
  /** Worker threads (`SCRAPER_EXTRACT_THREADS`); pages beyond them wait their turn, off the clock. */
  readonly threads: number;
  /** Old-generation heap of each worker, MiB (`SCRAPER_EXTRACT_HEAP_MB`); a page that needs more is refused. */
  readonly heapMb: number;
}

const WORKER_FILE = 'page-extract.worker.js';

/**
 * Runs `extractPage` in a pool of worker threads (piscina), so a heavy page never blocks the agent's event loop:
 * heartbeats, `/healthz` and other tasks go on while it is parsed. A page over a bound, one that runs past
 * `timeoutMs` (its worker is terminated and piscina starts a new one) or one that exhausts the worker's heap
 * fails with a permanent `page-too-complex` TaskError, never a retry. Create one per process; `close()` it.
 */
export class ExtractPool implements PageExtractor {
  private readonly pool: Piscina<ExtractJob, ExtractReply>;

  /**
   * `onWorkerError`: told of a worker's error outside any page (say it ran out of memory just after the page it
   * was working on was given up); piscina replaces the worker. Without a listener such an error would be thrown
   * from the pool's `error` event and end the agent's process.
   */
  constructor(
    private readonly limits: ExtractLimits,
    workerFile: string = defaultWorkerFile(),
    onWorkerError: (error: Error) => void = () => undefined,
  ) {
    this.pool = new Piscina({
      filename: workerFile,
      minThreads: limits.threads,
      maxThreads: limits.threads,
      idleTimeout: Number.POSITIVE_INFINITY,
      // The young generation is kept at an eighth of the old one (4-16 MiB): when a worker runs out, Node gives
      // the last garbage collection 16 MiB of leeway to end it with ERR_WORKER_OUT_OF_MEMORY; a young
      // generation larger than that, promoted at once, can exhaust the leeway and abort the whole process.
      resourceLimits: {
        maxOldGenerationSizeMb: limits.heapMb,
        maxYoungGenerationSizeMb: Math.min(16, Math.max(4, Math.floor(limits.heapMb / 8))),
      },
    });
    this.pool.on('error', onWorkerError);
  }

  /**
   * The extract of `html`. Throws TaskError: permanent `page-too-complex` (over a bound, past the CPU time, out
   * of worker memory); retryable `aborted` when `signal` aborts first.
   */
  async extract(html: string, meta: ExtractPageInput, signal?: AbortSignal): Promise<PageExtract> {
    const { port1: startedPort, port2 } = new MessageChannel();
    const overtime = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    startedPort.once('message', () => {
      timer = setTimeout(() => overtime.abort(), this.limits.timeoutMs);
    });
    const { maxElements, maxDepth } = this.limits;
    try {
      const reply = await this.pool.run(
        { html, meta, bounds: { maxElements, maxDepth }, started: port2 },
        {
          transferList: [port2],
          signal: signal ? AbortSignal.any([signal, overtime.signal]) : overtime.signal,
        },
      );
      if (reply.ok) return reply.extract;
      throw tooComplex(meta, reply.reason);
    } catch (error) {
      if (error instanceof TaskError) throw error;
      if (overtime.signal.aborted) {
        throw tooComplex(
          meta,
          `extraction took more than ${this.limits.timeoutMs} ms (SCRAPER_EXTRACT_TIMEOUT_MS)`,
        );
      }
      if (signal?.aborted) {
        throw TaskError.retryable(
          SCRAPE_ERROR_CODES.aborted,
          `extraction of ${meta.finalUrl} was aborted`,
          error,
        );
      }
      if (isOutOfMemory(error)) {
        throw tooComplex(
          meta,
          `extraction needed more than ${this.limits.heapMb} MiB (SCRAPER_EXTRACT_HEAP_MB)`,
        );
      }
      throw error;
    } finally {
      clearTimeout(timer);
      startedPort.close();
    }
  }

  /** Stops the workers (pages in progress are abandoned). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

function tooComplex(meta: ExtractPageInput, reason: string): TaskError {
  return TaskError.permanent(SCRAPE_ERROR_CODES.pageTooComplex, `${meta.finalUrl}: ${reason}`);
}

function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * The worker's compiled file beside this module. The worker always runs built JavaScript: when this module runs
 * from its TypeScript source (the tests), that is the copy in `dist/`, so build before testing.
 */
function defaultWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, WORKER_FILE);
  if (existsSync(beside)) return beside;
  const parts = here.split(sep);
  parts[parts.lastIndexOf('src')] = 'dist';
  return join(parts.join(sep), WORKER_FILE);
}
