import { AsyncLocalStorage } from 'node:async_hooks';

/** The task a piece of code is running for. */
export interface TaskScope {
  readonly goalId: string;
  readonly taskId: string;
  readonly queue: string;
}

const storage = new AsyncLocalStorage<TaskScope>();

/** Runs `fn` with `scope` as the current task (logs read it to tag every line with the goal id). */
export function runInTaskScope<T>(scope: TaskScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The task the calling code runs for, if any. */
export function currentTaskScope(): TaskScope | undefined {
  return storage.getStore();
}
