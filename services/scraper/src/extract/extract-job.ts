import type { MessagePort } from 'node:worker_threads';
import type { PageExtract } from '@swarm/contracts';
import type { ExtractPageInput } from '../domain/extract-page.js';
import type { PageBounds } from '../domain/html-tree.js';

/** One page for an extraction worker. */
export interface ExtractJob {
  readonly html: string;
  readonly meta: ExtractPageInput;
  readonly bounds: PageBounds;
  /** The worker posts one message here when it starts on the page: the CPU-time clock starts then. */
  readonly started: MessagePort;
}

/** A worker's answer: the extract, or why the page is over a bound (`page-too-complex`). */
export type ExtractReply =
  { readonly ok: true; readonly extract: PageExtract } | { readonly ok: false; readonly reason: string };
