import type { DeadLetterRecord, DeadLetterSource, ErrorInfo } from '@swarm/contracts';
import { messageIds, SCHEMA_VERSION } from '@swarm/contracts';
import type { HeaderRecord } from '../bus/codec.js';
import { capturePayload, sniffIds } from '../bus/codec.js';

/** The goal id used when a dead-lettered payload is too broken to name its goal. */
export const UNKNOWN_GOAL_ID = '_unknown';

const definedOnly = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Builds the dead-letter record of a message: reason, original payload and headers, delivery count. Pure. */
export function buildDeadLetterRecord(input: {
  readonly queue: string;
  readonly reason: ErrorInfo;
  readonly source: DeadLetterSource;
  readonly deliveryCount: number;
  readonly data: Uint8Array;
  readonly headers: HeaderRecord;
  readonly payloadLimitBytes: number;
  /** Ids the caller knows (at least the goal); any it leaves out are sniffed from the headers and payload. */
  readonly known?: { readonly goalId: string; readonly taskId?: string; readonly messageId?: string };
  readonly now: Date;
}): DeadLetterRecord {
  const { known } = input;
  const sniffed =
    known?.taskId !== undefined && known.messageId !== undefined
      ? known
      : { ...sniffIds(input.headers, input.data), ...definedOnly(known) };
  const id = messageIds.deadLetter(input.source.stream, input.source.streamSequence);
  return {
    type: 'dead-letter',
    schemaVersion: SCHEMA_VERSION,
    messageId: id,
    goalId: sniffed.goalId ?? UNKNOWN_GOAL_ID,
    taskId: sniffed.taskId ?? id,
    causationId: sniffed.messageId ?? null,
    attempt: Math.max(1, input.deliveryCount),
    timestamp: input.now.toISOString(),
    queue: input.queue,
    reason: input.reason,
    source: input.source,
    deliveryCount: input.deliveryCount,
    payload: capturePayload(input.data, input.payloadLimitBytes),
    headers: input.headers,
  };
}
