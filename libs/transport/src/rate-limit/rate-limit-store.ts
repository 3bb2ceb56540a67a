import { setTimeout as sleep } from 'node:timers/promises';
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import type { RateLimitState as RateLimitStateType } from '@swarm/contracts';
import { RATE_LIMIT_KEY_MAX_CHARS, RATE_LIMIT_KEY_PATTERN, RateLimitState } from '@swarm/contracts';
import type { BusConnection } from '../bus/bus-connection.js';
import { encodeJson } from '../bus/codec.js';
import { isCasConflict } from '../bus/kv-cas.js';
import { CasConflictError } from '../errors.js';
import type { RateDecision, RateLimits } from './rate-limit-gcra.js';
import { bookCall, pauseUntil, settleTokens } from './rate-limit-gcra.js';

/**
 * The model rate limiters of the swarm: one `RateLimitState` per limiter key in the rate-limits bucket, changed
 * only by compare-and-set on its KV revision, so every replica of every agent on one key books from one state.
 * Within a process, changes to one key are made one at a time (racing callers of one replica never lose CAS
 * races to each other). The bucket's max age drops the state of a key nobody used for that long.
 */
export class RateLimitStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly kv: KV,
    private readonly casMaxAttempts: number,
    /** The clock bookings are made on (epoch ms); tests pass a fixed one. */
    readonly now: () => number = Date.now,
  ) {}

  /**
   * Opens the rate-limits bucket (provisioning creates it); `now` is the clock bookings are made on. Throws what
   * the server answers when it cannot.
   */
  static async open(
    bus: BusConnection,
    bucket: string,
    casMaxAttempts: number,
    now: () => number = Date.now,
  ): Promise<RateLimitStore> {
    return new RateLimitStore(await new Kvm(bus.nc).open(bucket), casMaxAttempts, now);
  }

  /** The stored state of `key`, or undefined when there is none. */
  async read(key: string): Promise<RateLimitStateType | undefined> {
    const entry = await this.kv.get(checkedKey(key));
    if (!entry || entry.operation !== 'PUT') return undefined;
    return RateLimitState.parse(entry.json());
  }

  /**
   * Books one call of `tokens` tokens on `key` (see `bookCall`): when it may start, or that it would wait longer
   * than `maxWaitMs` (then nothing is booked).
   * @throws CasConflictError (retryable) after SWARM_CAS_MAX_ATTEMPTS lost races.
   */
  async book(key: string, limits: RateLimits, tokens: number, maxWaitMs: number): Promise<RateDecision> {
    let decision: RateDecision | undefined;
    await this.update(key, (current) => {
      decision = bookCall(current, limits, tokens, this.now(), maxWaitMs);
      return decision.kind === 'booked' ? decision.state : undefined;
    });
    return decision!;
  }

  /** Returns a booked call's unused tokens (or charges what it used over its booking). */
  async settle(key: string, limits: RateLimits, booked: number, used: number): Promise<void> {
    await this.update(key, (current) => settleTokens(current, limits, booked, used));
  }

  /** Holds every call on `key` until `until` (epoch ms): a provider asked to wait. */
  async pause(key: string, until: number): Promise<void> {
    await this.update(key, (current) => pauseUntil(current, until));
  }

  /** Runs one compare-and-set change of `key` after the earlier ones of this process. */
  private update(
    key: string,
    mutate: (current: RateLimitStateType | undefined) => RateLimitStateType | undefined,
  ): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.compareAndSet(key, mutate));
    this.queues.set(key, next);
    void next
      .finally(() => {
        if (this.queues.get(key) === next) this.queues.delete(key);
      })
      .catch(() => undefined);
    return next;
  }

  private async compareAndSet(
    key: string,
    mutate: (current: RateLimitStateType | undefined) => RateLimitStateType | undefined,
  ): Promise<void> {
    const fullKey = checkedKey(key);
    for (let attempt = 1; attempt <= this.casMaxAttempts; attempt++) {
      const entry = await this.kv.get(fullKey);
      const stored = entry && entry.operation === 'PUT' ? entry : undefined;
      const next = mutate(stored ? RateLimitState.parse(stored.json()) : undefined);
      if (next === undefined) return;
      try {
        if (stored) await this.kv.update(fullKey, encodeJson(next), stored.revision);
        // A deleted or expired key keeps its subject's last sequence: update on it, create on a fresh one.
        else if (entry) await this.kv.update(fullKey, encodeJson(next), entry.revision);
        else await this.kv.create(fullKey, encodeJson(next));
        return;
      } catch (error) {
        if (!isCasConflict(error)) throw error;
        if (attempt === this.casMaxAttempts) throw new CasConflictError(fullKey, attempt, { cause: error });
        await sleep(Math.random() * Math.min(50, 2 * attempt));
      }
    }
  }
}

/** A limiter key as the bucket holds it; throws on a key the settings should have refused. */
function checkedKey(key: string): string {
  if (key.length > RATE_LIMIT_KEY_MAX_CHARS || !RATE_LIMIT_KEY_PATTERN.test(key))
    throw new Error(`invalid rate limiter key "${key}": dot-separated letters, digits, - and _`);
  return key;
}
