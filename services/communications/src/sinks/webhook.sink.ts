import type { GuardedResponse } from '@swarm/http-guard';
import { createGuardedFetch, HTTP_GUARD_ERROR_CODES, HttpGuardError } from '@swarm/http-guard';
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
  /** Post to loopback, private and other non-public addresses (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`); default false. */
  readonly allowPrivateNetworks?: boolean;
  /** Hosts allowed even on non-public addresses, `host` or `host:port` (`WEBHOOK_ALLOW_HOSTS`); default none. */
  readonly allowHosts?: readonly string[];
  /** Bytes of an answer's body read, to quote in a failure (`WEBHOOK_MAX_RESPONSE_BYTES`); default 16 KiB. */
  readonly maxResponseBytes?: number;
}

/** Default of `WebhookSinkOptions.maxResponseBytes` (`WEBHOOK_MAX_RESPONSE_BYTES`). */
export const DEFAULT_WEBHOOK_MAX_RESPONSE_BYTES = 16 * 1024;

/** 4xx answers that say "not now" rather than "never": request timeout, too early, too many requests. */
const TRANSIENT_CLIENT_ERRORS = new Set([408, 425, 429]);
/** How much of an error response's body the failure message quotes. */
const QUOTED_BODY_CHARS = 200;
/** Guard refusals: the target itself is not allowed, so resending cannot help. */
const REFUSALS = new Set<string>([HTTP_GUARD_ERROR_CODES.ssrfRefused, HTTP_GUARD_ERROR_CODES.invalidUrl]);

/**
 * POSTs `{ goalId, goalText, markdown, ranking }` as JSON, signed with HMAC-SHA256 twice: the swarm's own headers
 * (`Idempotency-Key`, `X-Swarm-Timestamp`, `X-Swarm-Signature`) and the Standard Webhooks ones (`Webhook-Id`,
 * `Webhook-Timestamp`, `Webhook-Signature`), through the guarded fetcher of `@swarm/http-guard`: a target on a
 * loopback, private or otherwise non-public address is refused (checked on the address connected to) unless
 * allowed, and redirects are not followed (a redirect is a rejection). 2xx succeeds; 5xx, 408, 425, 429, a
 * timeout or a network error throws a retryable `webhook-unavailable`; a refused target or any other answer a
 * permanent `webhook-rejected`.
 */
export class WebhookSink implements DeliverySink {
  readonly name = SINK_NAMES.webhook;
  /** The receiver applies each `Idempotency-Key` once (ADR 0003): a resend after a crash is safe. */
  readonly repeatable = true;
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
    const response = await this.post(body, timestamp, report.idempotencyKey, signal);
    const { status } = response;
    if (status >= 200 && status <= 299)
      return { sink: this.name, detail: `POST ${this.target} answered ${status}` };
    const answer = new TextDecoder('utf-8').decode(response.body).slice(0, QUOTED_BODY_CHARS);
    const quoted = answer.trim() === '' ? '' : `: ${answer.replace(/\s+/g, ' ').trim()}`;
    const outcome = `POST ${this.target} answered ${status}${quoted}`;
    if (status >= 500 || TRANSIENT_CLIENT_ERRORS.has(status)) {
      throw transientFailure(COMMUNICATIONS_ERROR_CODES.webhookUnavailable, outcome);
    }
    const hint = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
    throw permanentFailure(COMMUNICATIONS_ERROR_CODES.webhookRejected, `${outcome}${hint}`);
  }

  private async post(
    body: string,
    timestamp: number,
    idempotencyKey: string,
    signal: AbortSignal | undefined,
  ): Promise<GuardedResponse> {
    const { options } = this;
    // One fetcher per delivery: deliveries are rare, and nothing stays open between them.
    const fetcher = createGuardedFetch({
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxResponseBytes ?? DEFAULT_WEBHOOK_MAX_RESPONSE_BYTES,
      maxRedirects: 0,
      ssrf: {
        allowPrivateNetworks: options.allowPrivateNetworks ?? false,
        allowHosts: options.allowHosts ?? [],
        allowHostsSetting: 'WEBHOOK_ALLOW_HOSTS',
      },
    });
    try {
      return await fetcher.request({
        url: options.url,
        method: 'POST',
        redirect: 'manual',
        signal,
        truncate: true,
        readBody: ({ status }) => (status >= 200 && status <= 299 ? 'skip' : 'read'),
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey,
          'X-Swarm-Timestamp': String(timestamp),
          'X-Swarm-Signature': signWebhook(options.secret, timestamp, body),
          'Webhook-Id': idempotencyKey,
          'Webhook-Timestamp': String(timestamp),
          'Webhook-Signature': signStandardWebhook(options.secret, idempotencyKey, timestamp, body),
        },
        body,
      });
    } catch (error) {
      throw this.failure(error);
    } finally {
      await fetcher.close();
    }
  }

  private failure(error: unknown): Error {
    const code = error instanceof HttpGuardError ? error.code : undefined;
    if (code !== undefined && REFUSALS.has(code)) {
      const reason = (error as Error).message.replace(/^refused \S+ : /, '');
      return permanentFailure(
        COMMUNICATIONS_ERROR_CODES.webhookRejected,
        `POST ${this.target} refused: ${reason}`,
        error,
      );
    }
    let why: string;
    if (code === HTTP_GUARD_ERROR_CODES.timeout) why = `did not answer within ${this.options.timeoutMs} ms`;
    else if (code === HTTP_GUARD_ERROR_CODES.aborted) why = 'was abandoned: the delivery was aborted';
    else why = `could not be reached: ${describeNetworkError(error)}`;
    return transientFailure(
      COMMUNICATIONS_ERROR_CODES.webhookUnavailable,
      `POST ${this.target} ${why}`,
      error,
    );
  }
}

/** The socket error under a fetch failure (e.g. ECONNREFUSED), with its code when it has one. */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : error;
  const code = (cause as Error & { code?: unknown }).code;
  return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
}
