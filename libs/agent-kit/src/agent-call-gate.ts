import { NO_AMOUNTS } from '@swarm/contracts';
import type { CallGate, CallTicket, ModelRateLimit } from '@swarm/models';
import { acquireModelRate, reserveModelCall } from '@swarm/transport';

/**
 * The gate every provider request of an agent passes before it starts: first the goal's budget reserves the
 * call's estimate (`reserveModelCall`), then the call takes its slot in the swarm-wide rate limit of its
 * provider key (`acquireModelRate`), waiting for it up to the limit's max wait. Budget first: a call the budget
 * refuses never takes a slot other goals' calls could use, and the one quantity held while it waits is its own
 * goal's reservation. A call that gets no slot (max wait, abort) gives its reservation back whole. After the
 * call both are settled with its real usage; a provider's 429 pauses the limit for every replica on the key.
 */
export function agentCallGate(rateLimit: ModelRateLimit | undefined): CallGate {
  return async (estimate, call) => {
    const budget = await reserveModelCall(estimate);
    if (!rateLimit) return budget;
    const { key, requestsPerMinute, tokensPerMinute, burst, maxWaitMs, pauseMs } = rateLimit;
    const limits = {
      burst,
      ...(requestsPerMinute === undefined ? {} : { requestsPerMinute }),
      ...(tokensPerMinute === undefined ? {} : { tokensPerMinute }),
    };
    let rate: Awaited<ReturnType<typeof acquireModelRate>>;
    try {
      rate = await acquireModelRate({
        key,
        limits,
        tokens: estimate.tokens,
        maxWaitMs,
        ...(call?.signal ? { signal: call.signal } : {}),
      });
    } catch (error) {
      await budget.settle(NO_AMOUNTS);
      throw error;
    }
    const ticket: CallTicket = {
      waitedMs: rate.waitedMs,
      settle: async (actual) => {
        await Promise.all([budget.settle(actual), rate.settle(actual.tokens)]);
      },
      providerRateLimited: (retryAfterMs) => rate.pause(retryAfterMs ?? pauseMs),
    };
    return ticket;
  };
}
