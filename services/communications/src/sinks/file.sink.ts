import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { COMMUNICATIONS_ERROR_CODES, permanentFailure, transientFailure } from '../domain/errors.js';
import { SINK_NAMES, type DeliveryReceipt, type DeliverySink, type ReportDelivery } from './delivery-sink.js';

/** The goal-id alphabet of the contract: safe as a file name on every platform. */
const SAFE_GOAL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Writes `<goalId>.md` and `<goalId>.html` into a directory (created if absent). Each file is written to a
 * temporary name in the same directory and renamed over the target, so a reader never sees half a report;
 * a redelivery overwrites with the same content.
 */
export class FileSink implements DeliverySink {
  readonly name = SINK_NAMES.file;
  /** A resend rewrites the same two files with the same content. */
  readonly repeatable = true;
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /**
   * Writes both files. Throws a permanent `invalid-goal-id` for a goal id that is no safe file name and a
   * retryable `file-unavailable` when the directory cannot be written.
   */
  async deliver(report: ReportDelivery, signal?: AbortSignal): Promise<DeliveryReceipt> {
    if (!SAFE_GOAL_ID.test(report.goalId)) {
      throw permanentFailure(
        COMMUNICATIONS_ERROR_CODES.invalidGoalId,
        `goal id ${JSON.stringify(report.goalId.slice(0, 80))} cannot name a report file`,
      );
    }
    signal?.throwIfAborted();
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw transientFailure(
        COMMUNICATIONS_ERROR_CODES.fileUnavailable,
        `cannot create report directory ${this.dir}: ${describe(error)}`,
        error,
      );
    }
    const markdownPath = await this.writeAtomically(`${report.goalId}.md`, report.markdown, signal);
    const htmlPath = await this.writeAtomically(`${report.goalId}.html`, report.html, signal);
    return { sink: this.name, detail: `wrote ${markdownPath} and ${htmlPath}` };
  }

  private async writeAtomically(fileName: string, content: string, signal?: AbortSignal): Promise<string> {
    const target = join(this.dir, fileName);
    const temporary = join(this.dir, `.${fileName}.${randomUUID()}.tmp`);
    try {
      await writeFile(temporary, content, { encoding: 'utf8', ...(signal ? { signal } : {}) });
      await rename(temporary, target);
      return target;
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw transientFailure(
        COMMUNICATIONS_ERROR_CODES.fileUnavailable,
        `cannot write report file ${target}: ${describe(error)}`,
        error,
      );
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
