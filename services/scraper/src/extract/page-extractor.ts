import type { PageExtract } from '@swarm/contracts';
import type { ExtractPageInput } from '../domain/extract-page.js';

/**
 * Runs `extractPage` somewhere: `ExtractPool` runs it in worker threads with a CPU-time bound; tests may run it
 * in process (`testing/in-process-extractor.ts`).
 */
export interface PageExtractor {
  /** The extract of `html`. Throws TaskError `page-too-complex` (permanent) or `aborted` (retryable). */
  extract(html: string, meta: ExtractPageInput, signal?: AbortSignal): Promise<PageExtract>;
}
