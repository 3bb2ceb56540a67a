import { extractPage } from '../domain/extract-page.js';
import { PageTooComplexError } from '../domain/errors.js';
import type { ExtractJob, ExtractReply } from './extract-job.js';

/**
 * The extraction pool's worker (a piscina task function): runs `extractPage` on one page off the agent's event
 * loop. A page over a bound answers `{ ok: false }`; so does a stack overflow (a shape the bounds missed).
 * Anything else is a bug and is thrown.
 */
export default function extractInWorker(job: ExtractJob): ExtractReply {
  job.started.postMessage('started');
  try {
    return { ok: true, extract: extractPage(job.html, job.meta, job.bounds) };
  } catch (error) {
    if (error instanceof PageTooComplexError) return { ok: false, reason: error.message };
    if (error instanceof RangeError) return { ok: false, reason: `page too complex: ${error.message}` };
    throw error;
  }
}
