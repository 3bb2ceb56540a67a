import type { RateLimitState } from '@swarm/contracts';
import type { RateLimits } from './rate-limit-gcra.js';
import { bookCall, pauseUntil, settleTokens } from './rate-limit-gcra.js';

const T0 = 1_000_000;

/** Books `count` calls at `now`, one after the other, as racing replicas would; returns their start times. */
function bookMany(limits: RateLimits, count: number, tokens = 0, now = T0, maxWaitMs = 3_600_000) {
  let state: RateLimitState | undefined;
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const decision = bookCall(state, limits, tokens, now, maxWaitMs);
    if (decision.kind !== 'booked') throw new Error(`call ${i} refused`);
    state = decision.state;
    starts.push(decision.startAt);
  }
  return { state, starts };
}

/** The most starts within any window of `windowMs` (a window holds the starts in [t, t + windowMs)). */
function busiestWindow(starts: readonly number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! < sorted[i]! - windowMs + 1) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('bookCall', () => {
  it('lets the first call of a fresh limiter start at once', () => {
    const decision = bookCall(undefined, { requestsPerMinute: 60, burst: 1 }, 100, T0, 0);
    expect(decision).toEqual({ kind: 'booked', startAt: T0, state: { requestsAt: T0 + 1_000 } });
  });

  it('paces requests one interval apart once the burst is spent', () => {
    const { starts } = bookMany({ requestsPerMinute: 600, burst: 3 }, 6);
    expect(starts).toEqual([T0, T0, T0, T0 + 100, T0 + 200, T0 + 300]);
  });

  it('never starts more than the burst plus the rate in any window', () => {
    const limits = { requestsPerMinute: 600, burst: 4 };
    const { starts } = bookMany(limits, 1_000);
    for (const windowMs of [1, 99, 100, 1_000, 60_000]) {
      expect(busiestWindow(starts, windowMs)).toBeLessThanOrEqual(4 + Math.floor(windowMs / 100));
    }
    // Nearly tight: a saturated limiter starts the burst plus 599 paced calls within [t, t + 1 min).
    expect(busiestWindow(starts, 60_000)).toBe(603);
  });

  it('holds tokens per minute: a call waits until the tokens booked before it are paid off', () => {
    const limits = { tokensPerMinute: 6_000, burst: 1 };
    const { starts, state } = bookMany(limits, 3, 500);
    expect(starts).toEqual([T0, T0 + 5_000, T0 + 10_000]);
    expect(state).toEqual({ tokensAt: T0 + 15_000 });
  });

  it('takes the later of the request and the token limit', () => {
    const limits = { requestsPerMinute: 60, tokensPerMinute: 60_000, burst: 1 };
    const { starts } = bookMany(limits, 3, 10);
    expect(starts).toEqual([T0, T0 + 1_000, T0 + 2_000]);
    const { starts: heavy } = bookMany(limits, 3, 5_000);
    expect(heavy).toEqual([T0, T0 + 5_000, T0 + 10_000]);
  });

  it('refuses a call whose slot is further than the max wait, and books nothing for it', () => {
    const limits = { requestsPerMinute: 60, burst: 1 };
    const first = bookCall(undefined, limits, 0, T0, 500);
    if (first.kind !== 'booked') throw new Error('first refused');
    expect(bookCall(first.state, limits, 0, T0, 500)).toEqual({ kind: 'refused', waitMs: 1_000 });
    expect(bookCall(first.state, limits, 0, T0, 1_000)).toMatchObject({
      kind: 'booked',
      startAt: T0 + 1_000,
    });
  });

  it('starts no call before a pause ends, and forgets a pause that is over', () => {
    const limits = { requestsPerMinute: 600, burst: 1 };
    const paused = bookCall({ pausedUntil: T0 + 2_000 }, limits, 0, T0, 5_000);
    expect(paused).toMatchObject({ kind: 'booked', startAt: T0 + 2_000 });
    const over = bookCall({ pausedUntil: T0 - 1 }, limits, 0, T0, 0);
    expect(over).toEqual({ kind: 'booked', startAt: T0, state: { requestsAt: T0 + 100 } });
  });

  it('lets a full limiter refill while nobody calls', () => {
    const limits = { requestsPerMinute: 600, burst: 2 };
    const { state } = bookMany(limits, 10);
    const later = bookCall(state, limits, 0, T0 + 60_000, 0);
    expect(later).toMatchObject({ kind: 'booked', startAt: T0 + 60_000 });
  });
});

describe('settleTokens', () => {
  const limits = { tokensPerMinute: 6_000, burst: 1 };

  it('gives an unused estimate back and charges usage over it', () => {
    expect(settleTokens({ tokensAt: T0 + 5_000 }, limits, 500, 50)).toEqual({ tokensAt: T0 + 500 });
    expect(settleTokens({ tokensAt: T0 + 5_000 }, limits, 500, 600)).toEqual({ tokensAt: T0 + 6_000 });
  });

  it('changes nothing when the usage matches, tokens are unlimited, or nothing was booked', () => {
    expect(settleTokens({ tokensAt: T0 }, limits, 500, 500)).toBeUndefined();
    expect(settleTokens({ tokensAt: T0 }, { burst: 1 }, 500, 50)).toBeUndefined();
    expect(settleTokens(undefined, limits, 500, 50)).toBeUndefined();
  });
});

describe('pauseUntil', () => {
  it('keeps the later pause', () => {
    expect(pauseUntil({ requestsAt: T0 }, T0 + 1_000)).toEqual({ requestsAt: T0, pausedUntil: T0 + 1_000 });
    expect(pauseUntil({ pausedUntil: T0 + 2_000 }, T0 + 1_000)).toBeUndefined();
    expect(pauseUntil(undefined, T0 + 1_000)).toEqual({ pausedUntil: T0 + 1_000 });
  });
});
