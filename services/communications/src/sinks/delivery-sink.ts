import type { Ranking } from '@swarm/contracts';

/** The names of the sinks a deployment can enable (`DELIVERY_SINKS`) and a goal can ask for (`deliverTo`). */
export const SINK_NAMES = { stdout: 'stdout', file: 'file', webhook: 'webhook', email: 'email' } as const;
/** A sink's name. */
export type SinkName = (typeof SINK_NAMES)[keyof typeof SINK_NAMES];

/** A finished report on its way out, the same for every sink. */
export interface ReportDelivery {
  readonly goalId: string;
  readonly goalText: string;
  readonly markdown: string;
  readonly html: string;
  readonly ranking: Ranking;
  /** The same for every attempt at delivering this goal's report, so a receiver can drop repeats. */
  readonly idempotencyKey: string;
}

/** What a sink did, for the goal's context and the audit trail. Never carries secrets. */
export interface DeliveryReceipt {
  readonly sink: string;
  readonly detail: string;
}

/**
 * Somewhere a report goes. `deliver` resolves once the report is handed over and throws a `TaskError`
 * otherwise: retryable when trying again later may work, permanent when it cannot.
 */
export interface DeliverySink {
  readonly name: string;
  deliver(report: ReportDelivery, signal?: AbortSignal): Promise<DeliveryReceipt>;
}
