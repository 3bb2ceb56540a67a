import type { GoalOutcome } from '../events.js';
import type { EventType, QueueName } from '../topology.js';
import { subjectMatches } from '../subject-match.js';

/**
 * Who may write what on the bus, as plain data. NATS does not stamp the sender on a message, but it does
 * enforce which user may publish which subject, KV keys included (`$KV.<bucket>.<goalId>.<key>`). So a goal's
 * context keys are attributable to a role by their key family, and readers judge an event by that evidence
 * (`judgeTerminalEvent`). The NATS permission generator imports these tables; keep them data and small pure
 * functions.
 */

/** The agent queues in the order a goal moves through them: search < scrape < rank < report. */
export const STAGE_ORDER = ['search', 'scrape', 'rank', 'report'] as const satisfies readonly QueueName[];

/** An agent queue: the role of the agent that serves it (its transport writes `end.<queue>` and `usage.<queue>.`). */
export type AgentQueue = (typeof STAGE_ORDER)[number];

/** Who may emit an event: an agent queue, or `operator` (the CLI user or a client submitting goals). */
export type EmitterRole = AgentQueue | 'operator';

/**
 * Who writes a goal-context key: an agent queue, a human `approver` (only the key `decision.<approver>`), or a
 * `gateway` deciding for the humans it authenticated (only keys `decision.<gateway user>.<vouched subject>`), or
 * the `operator` (only the shared `budget` key, to add to a goal's budget).
 */
export type ContextKeyWriter = AgentQueue | 'approver' | 'gateway' | 'operator';

/** Where a queue sits in `STAGE_ORDER` (0 = search), or undefined when `name` is not an agent queue. Pure. */
export function stageOf(name: string): number | undefined {
  const index = (STAGE_ORDER as readonly string[]).indexOf(name);
  return index < 0 ? undefined : index;
}

/** Whether `name` is one of the agent queues of `STAGE_ORDER`. Pure. */
export function isAgentQueue(name: string): name is AgentQueue {
  return stageOf(name) !== undefined;
}

/**
 * For each event type, the roles that may emit it. Task lifecycle events come from every agent's transport;
 * approval events from communications (on behalf of the authenticated approver); `goal.completed` from search
 * (only `nothing-found`, see `COMPLETION_OUTCOMES`) and communications; `goal.failed` from any agent whose task
 * failed for good; `budget.exhausted` from the agent whose reservation (or deadline check) ran the goal's budget
 * out; `budget.added` from the operator (the CLI user, or the gateway for the people it authenticates).
 */
export const EVENT_EMITTERS: { readonly [T in EventType]: readonly EmitterRole[] } = {
  'goal.submitted': ['operator'],
  'task.claimed': STAGE_ORDER,
  'task.progress': STAGE_ORDER,
  'task.completed': STAGE_ORDER,
  'task.failed': STAGE_ORDER,
  'approval.requested': ['report'],
  'approval.granted': ['report'],
  'approval.rejected': ['report'],
  'goal.completed': ['search', 'report'],
  'goal.failed': STAGE_ORDER,
  'budget.exhausted': STAGE_ORDER,
  'budget.added': ['operator'],
};

/**
 * The `goal.completed` outcomes each emitter may claim: search ends a goal only with "nothing found" (no
 * candidates); communications with its report's outcome, `nothing-found` included when the ranking it reports
 * is empty (no candidate cleared the ranker's relevance floor; `judgeTerminalEvent` checks that where the reader
 * knows the ranking).
 */
export const COMPLETION_OUTCOMES: { readonly [R in 'search' | 'report']: readonly GoalOutcome[] } = {
  search: ['nothing-found'],
  report: ['delivered', 'nothing-found', 'rejected', 'approval-expired'],
};

/**
 * Whether `role` may emit an event of `type` (and, for `goal.completed`, with `outcome`). False for an unknown
 * type or role. Pure.
 */
export function mayEmit(role: string, type: string, outcome?: string): boolean {
  const emitters = (EVENT_EMITTERS as Readonly<Record<string, readonly string[]>>)[type];
  if (!emitters?.includes(role)) return false;
  if (type !== 'goal.completed') return true;
  const outcomes = (COMPLETION_OUTCOMES as Readonly<Record<string, readonly string[]>>)[role] ?? [];
  return outcome !== undefined && outcomes.includes(outcome);
}

/** One family of goal-context keys and the only role that may write it (or, for a shared key, the roles). */
export interface ContextKeyFamily {
  /** The key pattern after `<goalId>.`, with NATS wildcards (`*` one token, `>` the rest). */
  readonly pattern: string;
  readonly writer: ContextKeyWriter;
  /**
   * The other roles that write this family too, for the one shared key (`budget`, a compare-and-set counter every
   * agent reserves from). A shared family is evidence of nothing: `roleOfContextKey` attributes it to no role.
   */
  readonly sharedWith?: readonly ContextKeyWriter[];
}

/**
 * Every family of goal-context keys (KV `<goalId>.<key>`) with its one writer. The permission generator grants
 * each role `$KV.<goals bucket>.*.<pattern>` for its families and nothing else; `roleOfContextKey` reads it back.
 */
export const CONTEXT_KEY_FAMILIES: readonly ContextKeyFamily[] = [
  { pattern: 'spec', writer: 'search' },
  { pattern: 'candidates', writer: 'search' },
  { pattern: 'usage.search.>', writer: 'search' },
  { pattern: 'end.search', writer: 'search' },
  { pattern: 'effect.search.>', writer: 'search' },
  { pattern: 'scrape.*', writer: 'scrape' },
  { pattern: 'usage.scrape.>', writer: 'scrape' },
  { pattern: 'end.scrape', writer: 'scrape' },
  { pattern: 'effect.scrape.>', writer: 'scrape' },
  { pattern: 'usage.rank.>', writer: 'rank' },
  { pattern: 'end.rank', writer: 'rank' },
  { pattern: 'effect.rank.>', writer: 'rank' },
  { pattern: 'approval', writer: 'report' },
  { pattern: 'effect.report.>', writer: 'report' },
  { pattern: 'usage.report.>', writer: 'report' },
  { pattern: 'end.report', writer: 'report' },
  { pattern: 'decision.*', writer: 'approver' },
  { pattern: 'decision.*.*', writer: 'gateway' },
  { pattern: 'budget', writer: 'search', sharedWith: ['scrape', 'rank', 'report', 'operator'] },
];

/** Every role that may write a key family: its writer and the roles it is shared with. Pure. */
export function writersOf(family: ContextKeyFamily): readonly ContextKeyWriter[] {
  return [family.writer, ...(family.sharedWith ?? [])];
}

/**
 * The role that writes a goal-context key (the part after `<goalId>.`, e.g. `scrape.3`), or undefined for a
 * key no family covers (no role may write it) or a shared key (several roles write it). Pure.
 */
export function roleOfContextKey(key: string): ContextKeyWriter | undefined {
  const family = CONTEXT_KEY_FAMILIES.find((candidate) => subjectMatches(candidate.pattern, key));
  return family?.sharedWith ? undefined : family?.writer;
}
