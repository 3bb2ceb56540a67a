import { z } from 'zod';

/**
 * What happens when a goal's budget cannot cover the next model call, or its deadline has passed:
 * `pause` holds the goal until a human adds to it, `degrade` finishes with the builtin brains (the report says
 * so), `fail` ends the goal with `goal.failed` reason `budget-exhausted`.
 */
export const BUDGET_POLICIES = ['pause', 'degrade', 'fail'] as const;
/** An exhaustion policy. */
export const BudgetPolicy = z.enum(BUDGET_POLICIES);
/** An exhaustion policy. */
export type BudgetPolicy = z.infer<typeof BudgetPolicy>;

/** Largest cost a budget may name (US dollars); a deployment's ceiling (SWARM_BUDGET_MAX_*) is usually lower. */
const COST_USD_MAX = 1_000_000;
/** Longest deadline a budget may name: 30 days. */
const DEADLINE_MS_MAX = 30 * 24 * 60 * 60_000;

/**
 * A goal's budget as the goal asks for it: every field optional (absent = the deployment's default, and no
 * default = no limit on that quantity). The door refuses a goal asking for more than the deployment's ceiling.
 */
export const GoalBudget = z.strictObject({
  /** Most US dollars the goal's model calls may cost (from the deployment's price table). */
  costUsd: z.number().min(0).max(COST_USD_MAX).optional(),
  /** Most tokens (input and output) the goal's model calls may use. */
  tokens: z.int().min(0).optional(),
  /** Most model calls (corrections and tool steps count). */
  modelCalls: z.int().min(0).optional(),
  /** Most milliseconds from submission until every task of the goal has run. */
  deadlineMs: z.int().min(1).max(DEADLINE_MS_MAX).optional(),
  /** What exhaustion does; absent = the deployment's SWARM_BUDGET_ON_EXHAUSTED. */
  onExhausted: BudgetPolicy.optional(),
});
/** A goal's budget as asked for. */
export type GoalBudget = z.infer<typeof GoalBudget>;

/** Amounts of the three spendable quantities. */
export const BudgetAmounts = z.strictObject({
  costUsd: z.number().min(0),
  tokens: z.int().min(0),
  modelCalls: z.int().min(0),
});
/** Amounts of the three spendable quantities. */
export type BudgetAmounts = z.infer<typeof BudgetAmounts>;

/** The limits of a budget record: a quantity left out is not limited. */
export const BudgetLimits = BudgetAmounts.partial();
/** The limits of a budget record. */
export type BudgetLimits = z.infer<typeof BudgetLimits>;

/** One addition to a goal's budget by a human (`swarm budget <goal> --add`), kept in the record. */
export const BudgetAddition = z.strictObject({
  /** Who added it: the CLI's `--by` or the operator's NATS user. */
  by: z.string().min(1).max(128),
  at: z.iso.datetime({ offset: true }),
  add: BudgetAmounts.partial(),
  /** Milliseconds added to the deadline. */
  deadlineMs: z.int().min(0).max(DEADLINE_MS_MAX).optional(),
  /** The dead-letter ids of the tasks this addition resumed (parked under `pause`), so none resumes twice. */
  resumed: z.array(z.string().min(1).max(300)).max(500).optional(),
  /**
   * The client's idempotency key (the gateway's `Idempotency-Key`): a second addition by the same `by` with the
   * same key, while the first is among the record's kept additions, is not added again.
   */
  key: z.string().min(1).max(200).optional(),
});
/** One addition to a goal's budget. */
export type BudgetAddition = z.infer<typeof BudgetAddition>;

/**
 * What ran out when a budget was exhausted: one of the three quantities, the deadline, or the room for calls in
 * flight (`BUDGET_RESERVATIONS_MAX` open reservations).
 */
export const BUDGET_SHORTFALLS = ['costUsd', 'tokens', 'modelCalls', 'deadline', 'reservations'] as const;
/** What ran out. */
export const BudgetShortfall = z.enum(BUDGET_SHORTFALLS);
/** What ran out. */
export type BudgetShortfall = z.infer<typeof BudgetShortfall>;

/** Most open reservations a record holds (one per model call in flight across every replica). */
export const BUDGET_RESERVATIONS_MAX = 256;

/**
 * The goal's budget record in its context (`<goalId>.budget`), written only by compare-and-set so every replica
 * of every agent sees one total: `spent` is settled usage, `reservations` the estimates of calls in flight.
 * A call may start only when `spent + reserved + estimate` fits every limit.
 */
export const BudgetRecord = z.strictObject({
  limits: BudgetLimits,
  /** Epoch milliseconds after which no task of the goal runs; absent = no deadline. */
  deadlineAt: z.int().min(0).optional(),
  onExhausted: BudgetPolicy,
  spent: BudgetAmounts,
  /** Open reservations by id (`<taskId>/<delivery>/<n>`). */
  reservations: z.record(z.string().min(1).max(300), BudgetAmounts),
  additions: z.array(BudgetAddition).max(100),
  /** Set when a call or a task was refused for want of budget (cleared by an addition). */
  exhausted: z
    .strictObject({
      at: z.iso.datetime({ offset: true }),
      reason: z.string().max(1_000),
      /** What ran out; absent in records written before it was kept. */
      shortfall: BudgetShortfall.optional(),
    })
    .optional(),
});
/** The goal's budget record. */
export type BudgetRecord = z.infer<typeof BudgetRecord>;
