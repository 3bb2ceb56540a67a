import { COMMUNICATIONS_ERROR_CODES, permanentFailure, transientFailure } from '../domain/errors.js';
import { SINK_NAMES, type DeliveryReceipt, type DeliverySink, type ReportDelivery } from './delivery-sink.js';
import { signStandardWebhook, signWebhook } from './signature.js';

/** Where and how the webhook sink posts. */
export interface WebhookSinkOptions {
  readonly url: string;
  /** The HMAC key the receiver verifies `X-Swarm-Signature` with (see `verifyWebhookSignature`). */
  readonly secret: string;
  /** The whole request, response included, must finish within this many milliseconds. */
  readonly timeoutMs: number;
}

/** 4xx answers that say "not now" rather than "never": request timeout, too early, too many requests. */
const TRANSIENT_CLIENT_ERRORS = new Set([408, 425, 429]);
/** How much of an error response's body the failure message quotes. */
const QUOTED_BODY_CHARS = 200;

/**
 * POSTs `{ goalId, goalText, markdown, ranking }` as JSON, signed with HMAC-SHA256 twice: the swarm's own headers
 * (`Idempotency-Key`, `X-Swarm-Timestamp`, `X-Swarm-Signature`) and the Standard Webhooks ones (`Webhook-Id`,
 * `Webhook-Timestamp`, `Webhook-Signature`). Redirects are not followed. 2xx succeeds; 5xx, 408, 425, 429, a
 * timeout or a network error throws a retryable `webhook-unavailable`; any other answer a permanent
 * `webhook-rejected`.
 */
export class WebhookSink implements DeliverySink {
  readonly name = SINK_NAMES.webhook;
  private readonly target: string;

  constructor(
    private readonly options: WebhookSinkOptions,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const url = new URL(options.url);
    // Messages name the endpoint without its query string or credentials, which may hold tokens.
    this.target = `${url.origin}${url.pathname}`;
  }

  /** Posts the report once; see the class for how answers map to errors. */
  async deliver(report: ReportDelivery, signal?: AbortSignal): Promise<DeliveryReceipt> {
    const body = JSON.stringify({
      goalId: report.goalId,
      goalText: report.goalText,
      markdown: report.markdown,
      ranking: report.ranking,
    });
    const timestamp = Math.floor(this.clock().getTime() / 1000);
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let answer: string;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        redirect: 'manual',
        signal: combined,
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': report.idempotencyKey,
          'X-Swarm-Timestamp': String(timestamp),
          'X-Swarm-Signature': signWebhook(this.options.secret, timestamp, body),
          'Webhook-Id': report.idempotencyKey,
          'Webhook-Timestamp': String(timestamp),
          'Webhook-Signature': signStandardWebhook(
            this.options.secret,
            report.idempotencyKey,
            timestamp,
            body,
          ),
        },
        body,
      });
      answer = response.ok ? '' : (await response.text()).slice(0, QUOTED_BODY_CHARS);
      if (response.ok) await response.body?.cancel();
    } catch (error) {
      throw this.unreachable(error, timeout, signal);
    }
    if (response.ok) return { sink: this.name, detail: `POST ${this.target} answered ${response.status}` };
    const quoted = answer.trim() === '' ? '' : `: ${answer.replace(/\s+/g, ' ').trim()}`;
    const status = `POST ${this.target} answered ${response.status}${quoted}`;
    if (response.status >= 500 || TRANSIENT_CLIENT_ERRORS.has(response.status)) {
      throw transientFailure(COMMUNICATIONS_ERROR_CODES.webhookUnavailable, status);
    }
    const hint = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
    throw permanentFailure(COMMUNICATIONS_ERROR_CODES.webhookRejected, `${status}${hint}`);
  }

  private unreachable(error: unknown, timeout: AbortSignal, signal?: AbortSignal): Error {
    let why: string;
    if (timeout.aborted) why = `did not answer within ${this.options.timeoutMs} ms`;
    else if (signal?.aborted) why = 'was abandoned: the delivery was aborted';
    else why = `could not be reached: ${describeNetworkError(error)}`;
    return transientFailure(
      COMMUNICATIONS_ERROR_CODES.webhookUnavailable,
      `POST ${this.target} ${why}`,
      error,
    );
  }
}

/** fetch wraps socket errors as `TypeError: fetch failed` with the real one (e.g. ECONNREFUSED) as cause. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}
