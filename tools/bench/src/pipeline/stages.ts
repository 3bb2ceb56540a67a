/**
 * The benchmark pipeline, the same for every system: a goal enters `search`, each stage hands one task to the
 * next, and `report` announces the goal's completion. Four stages, four hand-offs per goal.
 */
export const STAGES = ['search', 'scrape', 'rank', 'report'] as const;
/** A stage of the pipeline. */
export type Stage = (typeof STAGES)[number];

/** The stage whose replicas the scale-out run varies (the I/O-bound one, as scraping is in the swarm). */
export const SCALED_STAGE: Stage = 'scrape';

/**
 * Bytes of the JSON message each stage receives: the goal (~0.5 KB), a scrape task (~1 KB), a rank task with the
 * scraped facts (~4 KB) and a report task with the ranking (~8 KB). The completion event is small.
 */
export const INBOUND_BYTES = {
  search: 512,
  scrape: 1_024,
  rank: 4_096,
  report: 8_192,
} as const satisfies Record<Stage, number>;

/** Bytes of the completion event the last stage publishes. */
export const COMPLETION_BYTES = 256;

/** Hand-offs (messages a stage publishes) per goal: three tasks and the completion event. */
export const HANDOFFS_PER_GOAL = STAGES.length;

/** The stage after `stage`, or undefined after the last one. */
export function nextStage(stage: Stage): Stage | undefined {
  return STAGES[STAGES.indexOf(stage) + 1];
}

/** True when `value` names a stage. */
export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/**
 * Tasks one goal makes with the search stage fanning out to `fanOut` scrapes that the rank stage joins: one
 * search, `fanOut` scrapes, one rank and one report (each also a hand-off, the last one the completion event).
 */
export function tasksPerGoal(fanOut: number): number {
  return STAGES.length - 1 + fanOut;
}
