import { currentTaskScope } from '../observability/task-scope.js';
import { RateLimitWaitError } from '../errors.js';
import type { RateLimits } from './rate-limit-gcra.js';
import type { RateLimitStore } from './rate-limit-store.js';

/** One model call's place in its shared rate limit. */
export interface ModelRateTicket {
  /** How long the call waited for its slot, in milliseconds (0: it started at once). */
  readonly waitedMs: number;
  /** Settles the tokens the call really used against its booked estimate. Never throws. */
  settle(usedTokens: number): Promise<void>;
  /** A provider answered 429: holds every replica's calls on this key for `ms`. Never throws. */
  pause(ms: number): Promise<void>;
}

/** What a model call asks of its rate limit. */
export interface ModelRateRequest {
  /** The limiter key: replicas with the same key share one limit (see `rateLimitKeyOf` in the models lib). */
  readonly key: string;
  readonly limits: RateLimits;
  /** The call's estimated tokens (input plus the most output), booked before it starts. */
  readonly tokens: number;
  /** The longest a call waits for its slot before it fails with RateLimitWaitError. */
  readonly maxWaitMs: number;
  /** The task's signal: an abort ends the wait at once (with the signal's reason). */
  readonly signal?: AbortSignal;
}

const NO_LIMIT: ModelRateTicket = {
  waitedMs: 0,
  settle: () => Promise.resolve(),
  pause: () => Promise.resolve(),
};

/** Sleeps `ms`, or rejects with the signal's reason when it aborts first. */
function sleepFor(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Takes a model call's slot in the swarm-wide rate limit of its key, before the call starts (the agent's model
 * client calls it for every provider request, after the goal's budget reserved the call). The call waits until
 * its slot (a provider's pause found after the wait is waited out too), up to `maxWaitMs`. Outside a task, or in
 * a runtime without the rate-limits bucket, nothing is limited. A slot booked by a call that is then aborted is
 * not given back: the limit counts more than was sent, never less.
 * @throws RateLimitWaitError (retryable, with `retryAfterMs`) when the slot is further away than `maxWaitMs`.
 * @throws the signal's reason when the task is aborted while it waits.
 */
export async function acquireModelRate(request: ModelRateRequest): Promise<ModelRateTicket> {
  const store = currentTaskScope()?.rateLimits;
  if (!store) return NO_LIMIT;
  request.signal?.throwIfAborted();
  const { key, limits, tokens, maxWaitMs, signal } = request;
  const asked = store.now();
  const decision = await store.book(key, limits, tokens, maxWaitMs);
  if (decision.kind === 'refused') throw new RateLimitWaitError(key, decision.waitMs, maxWaitMs);
  await sleepFor(decision.startAt - store.now(), signal);
  if (decision.startAt > asked) await waitOutPause(store, request, asked);
  return ticketOf(store, request, Math.max(0, store.now() - asked));
}

/** A call that waited re-reads the state once: a provider's pause recorded meanwhile holds it too. */
async function waitOutPause(store: RateLimitStore, request: ModelRateRequest, asked: number): Promise<void> {
  const pausedUntil = (await store.read(request.key))?.pausedUntil ?? 0;
  const now = store.now();
  if (pausedUntil <= now) return;
  if (pausedUntil - asked > request.maxWaitMs)
    throw new RateLimitWaitError(request.key, pausedUntil - now, request.maxWaitMs);
  await sleepFor(pausedUntil - now, request.signal);
}

function ticketOf(store: RateLimitStore, request: ModelRateRequest, waitedMs: number): ModelRateTicket {
  const { key, limits, tokens } = request;
  return {
    waitedMs,
    settle: (used) => store.settle(key, limits, tokens, used).catch(() => undefined),
    pause: (ms) => store.pause(key, store.now() + ms).catch(() => undefined),
  };
}
