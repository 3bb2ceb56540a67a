import type { Stage } from './stages.js';
import { COMPLETION_BYTES, INBOUND_BYTES } from './stages.js';

const FILLER =
  'agentic ai tooling comparison candidate with documentation facts, adoption figures and license notes; ';

/**
 * The message every system carries between stages: the swarm's envelope fields, the stage it is for, and a text
 * body that pads it to the stage's realistic size. (Plain data: the raw, BullMQ and NestJS stages load no schema
 * library; the swarm validates it with `StageMessageSchema`.)
 */
export interface StageMessage {
  readonly type: 'bench.task' | 'bench.completed';
  readonly schemaVersion: typeof BENCH_SCHEMA_VERSION;
  readonly messageId: string;
  readonly goalId: string;
  readonly taskId: string;
  readonly causationId: string | null;
  readonly attempt: number;
  readonly timestamp: string;
  readonly stage: Stage | 'completed';
  /** The scrape's slot in its goal's join (fan-out runs only: the search stage emitted `count` scrapes). */
  readonly slot?: JoinSlot;
  readonly body: string;
}

/** Which of a goal's fanned-out scrapes a message is: `index` of `count`. */
export interface JoinSlot {
  readonly index: number;
  readonly count: number;
}

/** The envelope schema version the messages carry (the contracts' `SCHEMA_VERSION`; a spec keeps them equal). */
export const BENCH_SCHEMA_VERSION = 1 as const;

/**
 * The deterministic id of the message that enters `stage` for `goalId` (also its de-duplication id); a fanned-out
 * scrape adds its slot index.
 */
export function stageMessageId(goalId: string, stage: Stage | 'completed', slot?: JoinSlot): string {
  return slot ? `${goalId}/${stage}/${slot.index}` : `${goalId}/${stage}`;
}

/**
 * Builds the message entering `stage` (or the completion event), padded so its JSON is the stage's size.
 * Pure: the same arguments give the same bytes. A fanned-out scrape carries its `slot`.
 */
export function buildStageMessage(options: {
  readonly goalId: string;
  readonly stage: Stage | 'completed';
  readonly causationId: string | null;
  readonly timestamp: string;
  readonly slot?: JoinSlot;
}): StageMessage {
  const { goalId, stage, slot } = options;
  const messageId = stageMessageId(goalId, stage, slot);
  const message: StageMessage = {
    type: stage === 'completed' ? 'bench.completed' : 'bench.task',
    schemaVersion: BENCH_SCHEMA_VERSION,
    messageId,
    goalId,
    taskId: messageId,
    causationId: options.causationId,
    attempt: 1,
    timestamp: options.timestamp,
    stage,
    ...(slot ? { slot } : {}),
    body: '',
  };
  const target = stage === 'completed' ? COMPLETION_BYTES : INBOUND_BYTES[stage];
  const missing = target - Buffer.byteLength(JSON.stringify(message));
  return missing > 0 ? { ...message, body: padding(missing) } : message;
}

function padding(length: number): string {
  return FILLER.repeat(Math.ceil(length / FILLER.length)).slice(0, length);
}
