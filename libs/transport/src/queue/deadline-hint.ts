import type { BudgetRecord } from '@swarm/contracts';
import { HEADERS, subjectMatches } from '@swarm/contracts';
import type { HeaderRecord } from '../bus/codec.js';

/**
 * What a task's `Swarm-Deadline` header says about its goal's deadline: the goal has none (`none`), or it is no
 * earlier than `deadlineAt` (epoch ms). Deadlines only ever move later (a budget addition extends them, nothing
 * shortens them, and a record opened without one never gains one), so either is a safe lower bound for as long
 * as it says the deadline is ahead.
 */
export type DeadlineHint = { readonly kind: 'none' } | { readonly kind: 'at'; readonly deadlineAt: number };

/** The header value of a goal without a deadline. */
export const NO_DEADLINE = 'none';

/** Epoch milliseconds, at most 15 digits (well past year 9999). */
const EPOCH_MS = /^[0-9]{1,15}$/;

/**
 * Reads a `Swarm-Deadline` header (its values as NATS gives them). Anything but exactly one `none` or one
 * epoch-ms value is no hint at all: the task then reads its goal's budget record. Pure.
 */
export function parseDeadlineHint(values: readonly string[] | undefined): DeadlineHint | undefined {
  if (values?.length !== 1) return undefined;
  const value = values[0]!.trim();
  if (value === NO_DEADLINE) return { kind: 'none' };
  if (!EPOCH_MS.test(value)) return undefined;
  return { kind: 'at', deadlineAt: Number(value) };
}

/**
 * The `Swarm-Deadline` a task hands on, from its goal's budget record as it read it: undefined when there is no
 * record yet (a record opened later, from the defaults at its first use, may have a deadline). Pure.
 */
export function deadlineHintHeader(record: BudgetRecord | undefined): string | undefined {
  if (!record) return undefined;
  return record.deadlineAt === undefined ? NO_DEADLINE : String(record.deadlineAt);
}

/** Whether a hint lets a task start without reading the record at `now`: `none`, or a deadline still ahead. Pure. */
export function hintAllowsStart(hint: DeadlineHint | undefined, now: number): boolean {
  if (!hint) return false;
  return hint.kind === 'none' || now < hint.deadlineAt;
}

/**
 * The transport's own headers on a hand-off: a task put on a work queue (its subject matches one of `queueSubjects`,
 * the queues' filter subjects) carries the goal's deadline as the task handing it off knew it; events, and tasks
 * of a task that knew nothing, carry none. Pure.
 */
export function handOffHeaders(
  subject: string,
  queueSubjects: readonly string[],
  deadlineHeader: string | undefined,
): HeaderRecord | undefined {
  if (deadlineHeader === undefined) return undefined;
  if (!queueSubjects.some((pattern) => subjectMatches(pattern, subject))) return undefined;
  return { [HEADERS.deadline]: [deadlineHeader] };
}
