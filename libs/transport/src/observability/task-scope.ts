import { AsyncLocalStorage } from 'node:async_hooks';
import type { ModelUsage } from '@swarm/contracts';
import type { GoalBudgetLedger } from '../context/goal-budget-ledger.js';
import type { RateLimitStore } from '../rate-limit/rate-limit-store.js';
import { addUsage } from './usage-meter.js';

/** The task a piece of code is running for. */
export interface TaskScope {
  readonly goalId: string;
  readonly taskId: string;
  readonly queue: string;
  /** The goal's budget, which every model call of the task reserves from (`reserveModelCall`). */
  readonly budget?: GoalBudgetLedger;
  /** The swarm-wide model rate limiters, which every model call of the task books from (`acquireModelRate`). */
  readonly rateLimits?: RateLimitStore;
}

/** A scope plus what its attempt has spent on models so far (one per delivery). */
interface ScopeState extends TaskScope {
  usage: ModelUsage | undefined;
}

const storage = new AsyncLocalStorage<ScopeState>();

/** Runs `fn` with `scope` as the current task (logs read it to tag every line with the goal id). */
export function runInTaskScope<T>(scope: TaskScope, fn: () => T): T {
  return storage.run({ ...scope, usage: undefined }, fn);
}

/** The task the calling code runs for, if any. */
export function currentTaskScope(): TaskScope | undefined {
  return storage.getStore();
}

/**
 * Adds a model call's usage to the current task attempt, which reports the sum on its `task.completed` or
 * `task.failed` event and in the goal's context. Outside a task it does nothing and returns false.
 */
export function recordModelUsage(usage: ModelUsage): boolean {
  const state = storage.getStore();
  if (!state) return false;
  state.usage = addUsage(state.usage, usage);
  return true;
}

/** What the current task attempt has spent on models so far; undefined outside a task or before any call. */
export function currentTaskUsage(): ModelUsage | undefined {
  return storage.getStore()?.usage;
}
