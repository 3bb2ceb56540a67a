import type { Stage } from './stages.js';

/**
 * Names of the raw JetStream pipeline of a run, the same as the swarm's `isolatedTopology(prefix, STAGES)` gives
 * (a spec keeps them equal), so both systems run on identically shaped streams. Kept apart so the raw stage
 * process loads nothing of the swarm.
 */
export const jetstreamNames = {
  stream: (prefix: string, stage: Stage) => `${prefix}_${stage.toUpperCase()}`,
  subject: (prefix: string, stage: Stage) => `${prefix}.task.${stage}`,
  durable: (stage: Stage) => `${stage}-worker`,
  eventsStream: (prefix: string) => `${prefix}_EVENTS`,
  /** KV bucket of the raw pipeline's scrape joins (fan-out runs). */
  joinBucket: (prefix: string) => `${prefix}-join`,
  eventsSubjects: (prefix: string) => `${prefix}.evt.>`,
  completedSubject: (prefix: string, goalId: string) => `${prefix}.evt.${goalId}.goal.completed`,
  /** The goal id of a completion subject (its third token). */
  goalOfCompletion: (subject: string) => subject.split('.')[2],
} as const;
