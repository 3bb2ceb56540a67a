import type {
  BudgetAddition,
  BudgetAmounts,
  BudgetPolicy,
  BudgetRecord,
  BudgetShortfall,
  GoalBudget,
} from '@swarm/contracts';
import {
  additionRepeated,
  addToBudget,
  BudgetRecord as BudgetRecordSchema,
  CONTEXT_KEYS,
  deadlineRefusal,
  markExhausted,
  openBudget,
  reserveIn,
  settleIn,
} from '@swarm/contracts';
import { BudgetExhaustedError } from '../errors.js';
import type { GoalContext } from './goal-context.js';

/** The deployment's default budget and exhaustion policy (`budgetDefaults(settings)`). */
export type BudgetDefaults = GoalBudget & { readonly onExhausted: BudgetPolicy };

/**
 * Told once per exhaustion, by the ledger whose compare-and-set marked the record exhausted (racing replicas see
 * the mark already set and are not told), with the record as that write left it. The task runner publishes
 * `budget.exhausted` from it. Whatever it throws is swallowed: the mark stands either way.
 */
export type ExhaustionAnnouncer = (record: BudgetRecord) => Promise<void>;

/** A goal's record as a deadline check found it, with the deadline still ahead and its policy when it has one. */
export interface DeadlineCheck {
  readonly record: BudgetRecord | undefined;
  readonly deadlineAt?: number;
  readonly policy?: BudgetPolicy;
}

/** An addition as the ledger recorded it: the record before (whose mark it cleared) and after. */
export interface RecordedAddition {
  readonly before: BudgetRecord | undefined;
  readonly record: BudgetRecord;
  /** True when the record already held this addition's idempotency key from the same `by`: nothing was added. */
  readonly repeated: boolean;
  /** The addition as stored: its `resumed` without the parked tasks that resumed themselves meanwhile. */
  readonly addition: BudgetAddition;
}

/** The most dead-letter ids one addition lists as resumed (the contract's bound). */
const BUDGET_RESUMED_MAX = 500;

/**
 * One goal's budget record (`<goalId>.budget`), changed only by compare-and-set on its KV revision, so the
 * reservations of every replica of every agent add up to one total and none is lost. A model call reserves its
 * estimate before it starts and settles its real usage after; no call starts once the budget cannot cover its
 * estimate. A goal whose record is missing (submitted before budgets, or its first reader is not search) gets
 * the deployment's defaults, counted from the first use (its first model call, or its first task that did its
 * work: see `withinBudget`).
 */
export class GoalBudgetLedger {
  constructor(
    private readonly goal: GoalContext,
    private readonly defaults: BudgetDefaults,
    private readonly now: () => number = Date.now,
    private readonly announce?: ExhaustionAnnouncer,
  ) {}

  /** The goal this ledger keeps. */
  get goalId(): string {
    return this.goal.goalId;
  }

  /** Creates the goal's record from its own budget over the defaults (once: a second call keeps the first). */
  async open(asked: GoalBudget | undefined, submittedAt: number): Promise<BudgetRecord> {
    const created = await this.goal.create(
      CONTEXT_KEYS.budget,
      openBudget(asked, this.defaults, submittedAt),
    );
    return BudgetRecordSchema.parse(created.value);
  }

  /** The goal's record, or undefined when none was opened yet. */
  async read(): Promise<BudgetRecord | undefined> {
    return (await this.goal.get(CONTEXT_KEYS.budget, BudgetRecordSchema))?.value;
  }

  /**
   * Whether an addition already resumed the parked dead letter `deadLetterId` (`dlq/<stream>/<seq>`): a replica
   * killed between parking a task and ending its delivery leaves that delivery to come back, and once the replay
   * of its dead letter carries the task the original must not run as well.
   */
  async resumedByReplay(deadLetterId: string): Promise<boolean> {
    const record = await this.read();
    return (record?.additions ?? []).some((addition) => addition.resumed?.includes(deadLetterId) === true);
  }

  private orDefault(current: BudgetRecord | undefined): BudgetRecord {
    return current ?? openBudget(undefined, this.defaults, this.now());
  }

  /**
   * Reserves `estimate` under `id` (unique per call, e.g. `<taskId>/<delivery>/<n>`).
   * @throws BudgetExhaustedError (not retryable) with the goal's policy when the budget cannot cover it or the
   *   deadline has passed; the record is then marked exhausted.
   * @throws CasConflictError (retryable) after SWARM_CAS_MAX_ATTEMPTS lost races.
   */
  async reserve(id: string, estimate: BudgetAmounts): Promise<void> {
    let refused: { reason: string; policy: BudgetPolicy } | undefined;
    let marked = false;
    const written = await this.goal.update<BudgetRecord>(CONTEXT_KEYS.budget, (current) => {
      const record = this.orDefault(current);
      const result = reserveIn(record, id, estimate, this.now());
      refused =
        result.refusal === undefined ? undefined : { reason: result.refusal, policy: record.onExhausted };
      marked = !record.exhausted && result.record.exhausted !== undefined;
      return result.record === current ? undefined : result.record;
    });
    if (marked && written.changed) await this.tell(written.value);
    if (refused) throw new BudgetExhaustedError(this.goalId, refused.policy, refused.reason);
  }

  /** Closes reservation `id` with what the call really used; the unused part returns. A repeat does nothing. */
  async settle(id: string, actual: BudgetAmounts): Promise<void> {
    await this.goal.update<BudgetRecord>(CONTEXT_KEYS.budget, (current) =>
      current ? settleIn(current, id, actual) : undefined,
    );
  }

  /**
   * Refuses a task of the goal once its deadline has passed (model or not), marking the record exhausted.
   * Returns the record (`known`, the one the caller just opened, else read; undefined when none was opened yet)
   * with its deadline (epoch ms) and policy when it has one, for the caller to end a task still running then.
   * @throws BudgetExhaustedError with the goal's policy when the deadline has passed.
   */
  async checkDeadline(known?: BudgetRecord): Promise<DeadlineCheck> {
    const record = known ?? (await this.read());
    if (record?.deadlineAt === undefined) return { record };
    const reason = deadlineRefusal(record, this.now());
    if (reason === undefined) return { record, deadlineAt: record.deadlineAt, policy: record.onExhausted };
    await this.exhaust(reason, 'deadline');
    throw new BudgetExhaustedError(this.goalId, record.onExhausted, reason);
  }

  /**
   * Marks the record exhausted with `reason` and what ran out (kept once; an addition clears it). The ledger
   * whose write set the mark tells its announcer.
   */
  async exhaust(reason: string, shortfall?: BudgetShortfall): Promise<void> {
    let marked = false;
    const written = await this.goal.update<BudgetRecord>(CONTEXT_KEYS.budget, (current) => {
      const record = this.orDefault(current);
      const next = markExhausted(record, reason, this.now(), shortfall);
      marked = !record.exhausted && next.exhausted !== undefined;
      return next === current ? undefined : next;
    });
    if (marked && written.changed) await this.tell(written.value);
  }

  private async tell(record: BudgetRecord | undefined): Promise<void> {
    if (!this.announce || !record) return;
    await this.announce(record).catch(() => undefined);
  }

  /** Adds to the goal's limits and deadline and clears its exhausted mark; returns the new record. */
  async add(addition: BudgetAddition): Promise<BudgetRecord> {
    return (await this.record(addition)).record;
  }

  /**
   * Adds to the goal's limits and deadline and clears its exhausted mark, by compare-and-set; returns the record
   * the winning write changed (`before`, undefined when the goal had none) and the record it stored. An addition
   * whose idempotency key the record already holds from the same `by` changes nothing (`repeated`).
   */
  async record(addition: BudgetAddition): Promise<RecordedAddition> {
    let before: BudgetRecord | undefined;
    let repeated = false;
    let stored = addition;
    const result = await this.goal.update<BudgetRecord>(CONTEXT_KEYS.budget, (current) => {
      before = current;
      const record = this.orDefault(current);
      repeated = additionRepeated(record, addition);
      // A parked task that resumed itself meanwhile (`claimResume`) is not resumed again.
      const claimed = new Set(record.additions.flatMap((kept) => kept.resumed ?? []));
      const resumed = (addition.resumed ?? []).filter((id) => !claimed.has(id));
      const { resumed: _asked, ...rest } = addition;
      stored = resumed.length > 0 ? { ...rest, resumed } : rest;
      return repeated ? undefined : addToBudget(record, stored);
    });
    return { before, record: BudgetRecordSchema.parse(result.value), repeated, addition: stored };
  }

  /**
   * Claims the resume of the parked task `deadLetterId` for the task itself: when the record is no longer
   * exhausted (an addition cleared it while the task was being parked) and no addition resumed that dead letter,
   * it is added to the latest addition's `resumed` by compare-and-set and this returns true: the caller replays
   * it. Otherwise false: the record is exhausted (the next addition resumes it) or someone already did.
   */
  async claimResume(deadLetterId: string): Promise<boolean> {
    let claimed = false;
    await this.goal.update<BudgetRecord>(CONTEXT_KEYS.budget, (current) => {
      claimed = false;
      const last = current?.additions.at(-1);
      if (!current || current.exhausted || !last) return undefined;
      if (current.additions.some((kept) => kept.resumed?.includes(deadLetterId))) return undefined;
      claimed = true;
      const resumed = [...(last.resumed ?? []), deadLetterId].slice(-BUDGET_RESUMED_MAX);
      return { ...current, additions: [...current.additions.slice(0, -1), { ...last, resumed }] };
    });
    return claimed;
  }
}
