import { setTimeout as delay } from 'node:timers/promises';

import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';

/** Options for {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this many milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** Pause between two probes, in milliseconds. Default 50. */
  readonly intervalMs?: number;
  /** What is being waited for; named in the timeout error. Default `'condition'`. */
  readonly description?: string;
}

/** The probe {@link waitFor} calls: returns the awaited value, or a falsy value (or throws) while not there yet. */
export type WaitForProbe<T> = () => Promise<T | undefined | false> | T | undefined | false;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_INTERVAL_MS = 50;
const PENDING = Symbol('pending');

/**
 * Polls `probe` until it returns a truthy value and resolves with that value.
 *
 * A probe that throws counts as "not yet" (a refused connection while a server boots is normal); the last such
 * error becomes the `cause` of the timeout error. A probe that hangs is cut off at the deadline.
 *
 * @throws {FixtureError} code `FIXTURE_WAIT_TIMEOUT`, message `timed out after <n>ms waiting for <description>`,
 *   when no truthy value arrived within `timeoutMs`.
 * @throws {FixtureError} code `FIXTURE_INVALID_OPTION` when `timeoutMs` or `intervalMs` is negative or not finite.
 */
export async function waitFor<T>(probe: WaitForProbe<T>, options: WaitForOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const description = options.description ?? 'condition';
  assertDuration('timeoutMs', timeoutMs);
  assertDuration('intervalMs', intervalMs);

  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    try {
      const value = await withDeadline(Promise.resolve().then(probe), remaining);
      if (value !== PENDING && value) return value;
    } catch (error) {
      lastError = error;
    }
    const pause = Math.min(intervalMs, deadline - Date.now());
    if (pause > 0) await delay(pause);
  }
  throw new FixtureError(
    FIXTURE_ERROR_CODES.WaitTimeout,
    `timed out after ${timeoutMs}ms waiting for ${description}`,
    { cause: lastError, retryable: true },
  );
}

/** Resolves with the probe's value, or with PENDING when `ms` pass first (the probe is left to settle alone). */
async function withDeadline<V>(work: Promise<V>, ms: number): Promise<V | typeof PENDING> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<typeof PENDING>((resolve) => {
    timer = setTimeout(() => resolve(PENDING), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function assertDuration(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new FixtureError(
      FIXTURE_ERROR_CODES.InvalidOption,
      `waitFor ${name} must be a finite number >= 0, got ${String(value)}`,
    );
  }
}
