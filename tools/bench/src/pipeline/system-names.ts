import type { Stage } from './stages.js';

/** Names of the BullMQ pipeline of a run: one queue per stage, a pub/sub channel for completions. */
export const bullmqNames = {
  queue: (prefix: string, stage: Stage) => `${prefix}-${stage}`,
  completedChannel: (prefix: string) => `${prefix}:completed`,
  /** BullMQ job ids may not contain `:`; the message id's `/` becomes `-`. */
  jobId: (messageId: string) => messageId.replace(/\//g, '-'),
  /** The Redis set of a goal's landed scrape slots (fan-out runs). */
  joinSet: (prefix: string, goalId: string) => `${prefix}:join:${goalId}`,
} as const;

/** Names of the NestJS core-NATS pipeline of a run: an event pattern and a queue group per stage. */
export const nestNatsNames = {
  pattern: (prefix: string, stage: Stage) => `${prefix}.${stage}`,
  queueGroup: (prefix: string, stage: Stage) => `${prefix}-${stage}`,
  completedPattern: (prefix: string) => `${prefix}.completed`,
} as const;

/** Names of the LangGraph pipeline of a run: its checkpoint tables live in a PostgreSQL schema of their own. */
export const langgraphNames = {
  schema: (prefix: string) => prefix.toLowerCase(),
} as const;

/** Names of the Restate pipeline of a run: one service (named after the run) with one handler. */
export const restateNames = {
  service: (prefix: string) => prefix.replace(/-/g, '_'),
  handler: 'run',
} as const;
