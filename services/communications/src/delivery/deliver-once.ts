import type { UncertainEffect } from '@swarm/contracts';
import type { SideEffects } from '@swarm/transport';
import type { DeliveryReceipt, DeliverySink, ReportDelivery } from '../sinks/delivery-sink.js';

/** The ledger's tool name for a delivery: its effects are `effect.report.deliver.<sink>`. */
export const DELIVER_TOOL = 'deliver';

/** What delivering a report did, sink by sink. */
export interface DeliveryOutcome {
  /** Sinks this attempt delivered to. */
  readonly delivered: string[];
  /** Sinks an earlier attempt delivered to (recorded done): not sent again. */
  readonly reused: string[];
  /** Sinks an earlier attempt may have delivered to, not safe to repeat: not sent again, for a human to check. */
  readonly uncertain: UncertainEffect[];
}

/**
 * Delivers a report to each sink through the goal's side-effect ledger (`ctx.effects`, one effect per sink):
 * a sink recorded done is not sent again, and a sink an earlier attempt started but never recorded (its replica
 * died in between) is sent again with the same idempotency key when the sink is `repeatable`, else reported
 * uncertain and not sent (ADR 0003).
 */
export async function deliverOnce(
  sinks: readonly DeliverySink[],
  report: ReportDelivery,
  effects: SideEffects,
  signal: AbortSignal,
  span: <T>(name: string, attributes: Record<string, string>, fn: () => Promise<T>) => Promise<T> = (
    _n,
    _a,
    fn,
  ) => fn(),
): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { delivered: [], reused: [], uncertain: [] };
  for (const sink of sinks) {
    const done = await effects.perform<DeliveryReceipt>(
      {
        tool: DELIVER_TOOL,
        target: sink.name,
        idempotencyKey: report.idempotencyKey,
        repeatable: sink.repeatable,
      },
      (idempotencyKey) =>
        span(`deliver ${sink.name}`, { 'swarm.sink': sink.name }, () =>
          sink.deliver({ ...report, idempotencyKey }, signal),
        ),
    );
    if (done.status === 'acted') outcome.delivered.push(sink.name);
    else if (done.status === 'reused') outcome.reused.push(sink.name);
    else outcome.uncertain.push(done.uncertain);
  }
  return outcome;
}
