import type { Ranking } from '@swarm/contracts';

// The sink names (what a deployment can enable in `DELIVERY_SINKS` and a goal can ask for in `deliverTo`) are
// the contract's, so the swarm CLI refuses an unknown sink with the same list.
export { SINK_NAMES } from '@swarm/contracts';
export type { SinkName } from '@swarm/contracts';

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
  /**
   * Whether sending again under the same idempotency key is safe after an attempt that may have sent died before
   * recording it (the side-effect ledger): the receiver applies a key once, or a second copy harms nothing. When
   * false such a delivery is reported uncertain and not sent again.
   */
  readonly repeatable: boolean;
  deliver(report: ReportDelivery, signal?: AbortSignal): Promise<DeliveryReceipt>;
}
