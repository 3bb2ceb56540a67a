import type { GoalSpecInput } from '@swarm/contracts';
import { buildGoalSubmitted } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { CHAOS_GOAL_TOP_N } from './chaos-agent-env.js';
import type { GoalLedger } from './goal-ledger.js';

/** Queries that each find candidates in the shipped corpus (so every goal goes through the whole pipeline). */
export const CHAOS_QUERIES = [
  'agent memory',
  'vector database client',
  'find top agentic AI tools',
  'llm evaluation framework',
  'browser automation agent',
  'openai sdk',
  'retrieval augmented generation',
  'prompt templates',
  'embedding models',
  'multi agent orchestration',
  'tool calling',
  'model context protocol server',
] as const;

/** A goal to submit: its id and what it asks. */
export interface PlannedGoal {
  readonly goalId: string;
  readonly spec: GoalSpecInput;
}

/** `count` goals with ids `<prefix>-<n>`, cycling through {@link CHAOS_QUERIES}. Pure. */
export function planGoals(prefix: string, count: number, offset = 0): PlannedGoal[] {
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    return {
      goalId: `${prefix}-${n}`,
      spec: {
        text: CHAOS_QUERIES[n % CHAOS_QUERIES.length]!,
        topN: CHAOS_GOAL_TOP_N,
        submittedBy: 'chaos',
      },
    };
  });
}

/** What a feed achieved. */
export interface FeedReport {
  /** Goals the bus acknowledged. */
  readonly acked: number;
  /** Publishes that failed and were tried again (broker down, no quorum ...). */
  readonly retries: number;
  /** Goals never acknowledged before the deadline: not submitted, so never counted as lost. */
  readonly unacked: readonly string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes goals as `goal.submitted` (each with its deterministic message id, so a retry after an unanswered
 * publish cannot make a second goal), `concurrency` at a time and at most `perSecond` per second, retrying each
 * until its PubAck arrives or `deadlineMs` (from the call) passes. Marks each acknowledged goal in the ledger.
 * With `door`, each goal goes through `submitGoal` (a refusal is retried like an unanswered publish).
 */
export async function feedGoals(
  client: SwarmClient,
  ledger: GoalLedger,
  goals: readonly PlannedGoal[],
  options: {
    readonly concurrency?: number;
    readonly perSecond?: number;
    readonly deadlineMs: number;
    readonly signal?: AbortSignal;
    /** Submit through the client's door (`submitGoal`: budget ceiling, sinks, admission) instead of a bare publish. */
    readonly door?: boolean;
  },
): Promise<FeedReport> {
  const deadline = Date.now() + options.deadlineMs;
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const spacingMs = options.perSecond ? 1_000 / options.perSecond : 0;
  const started = Date.now();
  let next = 0;
  let acked = 0;
  let retries = 0;
  const unacked: string[] = [];

  const publishOne = async (goal: PlannedGoal) => {
    const { subject, message } = buildGoalSubmitted(goal.goalId, goal.spec);
    for (let attempt = 1; attempt <= 10_000; attempt++) {
      if (Date.now() >= deadline || options.signal?.aborted) break;
      try {
        if (options.door) await client.submitGoal({ subject, message });
        else await client.publish({ subject, message });
        ledger.markSubmitted(goal.goalId);
        acked += 1;
        return;
      } catch {
        retries += 1;
        await sleep(Math.min(1_000, 100 * attempt));
      }
    }
    unacked.push(goal.goalId);
  };

  const lane = async () => {
    for (;;) {
      const index = next++;
      const goal = goals[index];
      if (goal === undefined) return;
      if (options.signal?.aborted || Date.now() >= deadline) {
        unacked.push(goal.goalId);
        continue;
      }
      if (spacingMs > 0) {
        const due = started + index * spacingMs;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      await publishOne(goal);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, goals.length) }, lane));
  return { acked, retries, unacked };
}
