import type { Context } from '@opentelemetry/api';
import type { JsMsg } from '@nats-io/jetstream';
import { failSpan, markSettlement, recordSettlement } from '../observability/tracing.js';

/**
 * One delivery of a task and its settlement: exactly one of ack, nak, term or hand-back happens. Each is written
 * on the delivery's `process` span (`messaging.nats.settlement`); a confirmed ack, a nak and a term are also
 * recorded as a `settle` span under it. A fire-and-forget ack (the default) gets no span of its own: it has no
 * round trip to time, and it was one span in five of what tracing exported per task.
 */
export class Delivery {
  private settled = false;

  constructor(
    readonly msg: JsMsg,
    private readonly spanContext: Context,
    private readonly options: { readonly confirmAcks: boolean; readonly termReasons: boolean },
  ) {}

  /** True once the delivery was settled (or handed back). */
  get isSettled(): boolean {
    return this.settled;
  }

  private claim(): boolean {
    if (this.settled) return false;
    this.settled = true;
    return true;
  }

  /** Acks; with `confirmAcks`, waits for the server to confirm it. */
  async ack(): Promise<void> {
    if (!this.claim()) return;
    markSettlement(this.spanContext, 'ack');
    if (!this.options.confirmAcks) {
      this.msg.ack();
      return;
    }
    const span = recordSettlement(this.spanContext, 'ack', this.msg.subject);
    try {
      await this.msg.ackAck({ timeout: 5_000 });
    } catch (error) {
      failSpan(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  /** Naks, asking for redelivery after `delayMs` (0: at once). */
  nak(delayMs: number): void {
    if (!this.claim()) return;
    markSettlement(this.spanContext, 'nak');
    const span = recordSettlement(this.spanContext, 'nak', this.msg.subject, {
      'messaging.nats.nak_delay_ms': delayMs,
    });
    this.msg.nak(delayMs);
    span.end();
  }

  /** Terminates: the server never redelivers it. The reason rides along on 2.10.4+ servers. */
  term(reason: string): void {
    if (!this.claim()) return;
    markSettlement(this.spanContext, 'term');
    const span = recordSettlement(this.spanContext, 'term', this.msg.subject);
    if (this.options.termReasons) this.msg.term(reason.slice(0, 200));
    else this.msg.term();
    span.end();
  }

  /** Gives up settling (shutdown): returns the message for the caller to nak later, or undefined if settled. */
  handBack(): JsMsg | undefined {
    return this.claim() ? this.msg : undefined;
  }
}
