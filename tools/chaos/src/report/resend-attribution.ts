/** A fault the scenario injected. */
export interface AgentFault {
  /** The replica hit, or `*` for the whole bus (a broker outage, lost quorum). */
  readonly instance: string;
  /** `kill`: SIGKILL; `partition`: one replica cut off from NATS; `outage`: NATS unavailable to everyone. */
  readonly kind: 'kill' | 'partition' | 'outage';
  /** Epoch ms. */
  readonly at: number;
  /**
   * When a partition or outage ended (epoch ms). A replica that cannot reach NATS keeps running: it can still
   * send over HTTP while it cannot record the delivery, so its copy may arrive any time until then.
   */
  readonly until?: number;
}

/** The evidence about one report the receiver got more than once under the same Idempotency-Key. */
export interface ResendEvidence {
  readonly goalId: string;
  /** Arrival times at the receiver (epoch ms) with the Idempotency-Key each carried, in arrival order. */
  readonly deliveries: readonly { readonly at: number; readonly idempotencyKey: string | undefined }[];
  /** Stored claims of the goal's report task: who, which delivery, when (server time, epoch ms). */
  readonly reportClaims: readonly {
    readonly instance: string;
    readonly deliveryCount: number;
    readonly at: number;
  }[];
  /** Stored completions of the report task: who, and at which delivery (`attempt`). */
  readonly reportCompletions: readonly { readonly instance: string; readonly attempt: number }[];
  /**
   * The delivery's side-effect record (`effect.report.deliver.webhook`) as the goal's ledger holds it at the end:
   * its state, how many attempts started acting, and the attempt it names (for `done`, the one that recorded it).
   * Absent when it could not be read.
   */
  readonly effect?: {
    readonly state: string;
    readonly starts: number;
    readonly instance: string;
    readonly deliveryCount: number;
  };
}

/** Why a resend is (or is not) the documented send-then-record window. */
export interface ResendVerdict {
  readonly goalId: string;
  readonly explained: boolean;
  /** The fault behind it, when explained. */
  readonly cause?: AgentFault['kind'];
  readonly why: string;
}

/** How long after a fault a delivery may still be recorded as arriving "before" it (request in flight). */
const FAULT_SLACK_MS = 250;
/** A sender records a delivery milliseconds after sending: a fault later than this does not explain a repeat. */
const RECORD_GRACE_MS = 1_000;

/**
 * Decides whether a resent report is the repeat the design allows: the delivery of the report task that sent
 * the first copy could not record it in time (its replica was killed or cut off, or NATS was unavailable, right
 * after the send), so a later delivery sent again. A cut-off sender may still record and complete once NATS is
 * back, if a later delivery had claimed the task by the time the copy was sent again. Every copy must carry the
 * same Idempotency-Key, so a receiver can drop the repeat. Anything else is unexplained: a defect. The sender is
 * the latest stored claim at or before the first copy arrived. Pure.
 */
export function attributeResend(evidence: ResendEvidence, faults: readonly AgentFault[]): ResendVerdict {
  const { goalId, deliveries, reportClaims, reportCompletions } = evidence;
  const keys = new Set(deliveries.map((d) => d.idempotencyKey));
  if (keys.size !== 1 || keys.has(undefined)) {
    return {
      goalId,
      explained: false,
      why: `deliveries carry different idempotency keys: ${[...keys].join(', ')}`,
    };
  }
  const first = deliveries[0];
  if (!first) return { goalId, explained: false, why: 'no deliveries' };
  const sender = [...reportClaims]
    .filter((c) => c.at <= first.at + FAULT_SLACK_MS)
    .sort((a, b) => b.at - a.at)[0];
  const claims = reportClaims.map((c) => `${c.instance}#${c.deliveryCount}`).join(', ');
  if (!sender) {
    return {
      goalId,
      explained: false,
      why: `the first copy arrived before any stored claim (claims: ${claims})`,
    };
  }
  const senderCompleted = reportCompletions.some(
    (c) => c.instance === sender.instance && c.attempt === sender.deliveryCount,
  );
  const completedYetResent = {
    goalId,
    explained: false,
    why: `${sender.instance}#${sender.deliveryCount} sent the first copy and completed the task, yet it was sent again`,
  };
  // The ledger shows the sender never recorded its delivery when a later attempt started acting again and the
  // record names a later delivery: then a kill of the sender any time before the resend explains it, however long
  // its record took (a loaded machine); without that evidence only a kill right after the send does.
  const { effect } = evidence;
  const unrecorded = effect !== undefined && effect.starts > 1 && effect.deliveryCount > sender.deliveryCount;
  const resentAt = deliveries[1]?.at ?? first.at;
  const fault = faults.find((f) => {
    const end = f.until ?? f.at;
    const recordDeadline = unrecorded && f.kind === 'kill' ? resentAt : first.at + RECORD_GRACE_MS;
    return (
      (f.instance === sender.instance || f.instance === '*') &&
      end >= sender.at &&
      first.at <= end + FAULT_SLACK_MS &&
      f.at <= recordDeadline
    );
  });
  if (!fault) {
    if (senderCompleted) return completedYetResent;
    return {
      goalId,
      explained: false,
      why: `no fault hit ${sender.instance}#${sender.deliveryCount} between its send and its record (claims: ${claims})`,
    };
  }
  if (senderCompleted) {
    // A killed sender cannot complete. A sender cut off from NATS can: it records late, once NATS is back, but
    // its claim expired meanwhile and a later delivery may have sent again before that record landed.
    const resent = deliveries[1];
    const takeover = reportClaims.find(
      (c) =>
        c.deliveryCount > sender.deliveryCount && resent !== undefined && c.at <= resent.at + FAULT_SLACK_MS,
    );
    if (fault.kind === 'kill' || !takeover) return completedYetResent;
    return {
      goalId,
      explained: true,
      cause: fault.kind,
      why:
        `${sender.instance} (delivery ${sender.deliveryCount} of the report) sent its copy as NATS became ` +
        `unreachable (${fault.kind}) and could record the delivery only once it was back; its claim had expired ` +
        `meanwhile and ${takeover.instance}#${takeover.deliveryCount} sent it again with the same key ` +
        `${[...keys][0]} before that record landed`,
    };
  }
  const what =
    fault.kind === 'kill'
      ? `was killed ${Math.max(0, fault.at - first.at)} ms after its copy reached the receiver` +
        (unrecorded && effect ? ` (the ledger's record is ${effect.instance}#${effect.deliveryCount}'s)` : '')
      : fault.kind === 'partition'
        ? 'was cut off from NATS when its copy reached the receiver'
        : 'could not reach a working NATS (outage) when its copy reached the receiver';
  return {
    goalId,
    explained: true,
    cause: fault.kind,
    why:
      `${sender.instance} (delivery ${sender.deliveryCount} of the report) ${what}, so it never recorded the ` +
      `delivery nor completed the task; a later delivery sent it again with the same key ${[...keys][0]}`,
  };
}
