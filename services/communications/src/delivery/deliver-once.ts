import { CONTEXT_KEYS } from '@swarm/contracts';
import type { GoalContext } from '@swarm/transport';
import type { DeliverySink, ReportDelivery } from '../sinks/delivery-sink.js';

interface DeliveryRecord {
  readonly status: 'delivered';
  readonly at: string;
  readonly detail: string;
}

/**
 * Longest pause between two tries at recording a delivery. Short, because while the record is missing a NATS
 * that comes back may redeliver the task (its claim expired meanwhile) to a replica that would send again.
 */
const RECORD_RETRY_MAX_MS = 1_000;

/** Retries `write` with capped backoff until it succeeds or `signal` aborts. */
async function recordUntilStored(write: () => Promise<unknown>, signal: AbortSignal): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (signal.aborted) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(RECORD_RETRY_MAX_MS, 100 * 2 ** attempt)));
    }
  }
}

/**
 * Delivers a report to each sink, skipping a sink already marked delivered in the goal's context, so a
 * redelivered report task does not send again. A crash, a cut-off or a NATS outage between sending and marking
 * can still repeat one send; every sink gets the same idempotency key, and a receiver applies it once (ADR 0003).
 */
export async function deliverOnce(
  sinks: readonly DeliverySink[],
  report: ReportDelivery,
  goal: GoalContext,
  signal: AbortSignal,
  span: <T>(name: string, attributes: Record<string, string>, fn: () => Promise<T>) => Promise<T> = (
    _n,
    _a,
    fn,
  ) => fn(),
): Promise<{ delivered: string[]; skipped: string[] }> {
  const delivered: string[] = [];
  const skipped: string[] = [];
  for (const sink of sinks) {
    const key = CONTEXT_KEYS.delivery(sink.name);
    const previous = await goal.get<DeliveryRecord>(key);
    if (previous?.value.status === 'delivered') {
      skipped.push(sink.name);
      continue;
    }
    const receipt = await span(`deliver ${sink.name}`, { 'swarm.sink': sink.name }, () =>
      sink.deliver(report, signal),
    );
    // The report is out: a failure to record it must not fail the task (its retry would send again), so keep
    // trying while the transport's heartbeats hold the claim.
    await recordUntilStored(
      () =>
        goal.update<DeliveryRecord>(key, () => ({
          status: 'delivered',
          at: new Date().toISOString(),
          detail: receipt.detail,
        })),
      signal,
    );
    delivered.push(sink.name);
  }
  return { delivered, skipped };
}
