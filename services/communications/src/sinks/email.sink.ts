import { createHash } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { COMMUNICATIONS_ERROR_CODES, permanentFailure, transientFailure } from '../domain/errors.js';
import { cut } from '../domain/report-view.js';
import { SINK_NAMES, type DeliveryReceipt, type DeliverySink, type ReportDelivery } from './delivery-sink.js';

/** How the email sink reaches its SMTP server, and who gets the report. */
export interface EmailSinkOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465). When false, STARTTLS is used if the server offers it. */
  readonly secure: boolean;
  readonly user?: string;
  readonly pass?: string;
  /**
   * Send `user`/`pass` over a connection without TLS when the server offers no STARTTLS (default false: such a
   * delivery fails with a permanent `email-insecure` before any credential is sent).
   */
  readonly allowInsecureAuth?: boolean;
  /** The sender, `swarm@example.com` or `Swarm <swarm@example.com>`. */
  readonly from: string;
  readonly to: readonly string[];
  /** Connection, greeting and socket inactivity timeout, in milliseconds. */
  readonly timeoutMs: number;
}

/** Header that names the goal, for mail filters and for tracing a mail back to its goal. */
export const GOAL_ID_HEADER = 'X-Swarm-Goal-Id';

/** Longest part of the goal text the subject quotes. */
const SUBJECT_GOAL_CHARS = 80;

/** Local problems with the message or settings: sending the same message again cannot work. */
const PERMANENT_LOCAL_CODES = new Set(['EENVELOPE', 'EMESSAGE', 'ECONFIG', 'ENOAUTH', 'EMAXRECIPIENTS']);

/**
 * Mails the report through SMTP (nodemailer): the Markdown as the text part, the HTML as the HTML part,
 * header `X-Swarm-Goal-Id`, and a Message-ID derived from the idempotency key so every attempt carries the
 * same id. A permanent SMTP rejection (5xx, except 503) throws a permanent `email-rejected`; connection
 * failures, timeouts and 4xx replies a retryable `email-unavailable`.
 */
export class EmailSink implements DeliverySink {
  readonly name = SINK_NAMES.email;
  /** An SMTP server delivers a resent mail as a second mail (Message-ID dedup is up to the reader's client), so
   * a delivery that may have happened is reported uncertain, not sent again. */
  readonly repeatable = false;
  private readonly transport: Transporter;
  /** Whether STARTTLS is required before AUTH (credentials set, no implicit TLS, no explicit opt-out). */
  private readonly requiresTls: boolean;

  constructor(private readonly options: EmailSinkOptions) {
    this.requiresTls = !options.secure && options.user !== undefined && options.allowInsecureAuth !== true;
    this.transport = createTransport({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: this.requiresTls,
      ...(options.user === undefined ? {} : { auth: { user: options.user, pass: options.pass ?? '' } }),
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      dnsTimeout: options.timeoutMs,
    });
  }

  /** Sends one message to every recipient; see the class for how failures map to errors. */
  async deliver(report: ReportDelivery, signal?: AbortSignal): Promise<DeliveryReceipt> {
    const messageId = messageIdFor(report.idempotencyKey, this.options.from);
    try {
      const info = (await this.transport.sendMail({
        from: this.options.from,
        to: [...this.options.to],
        subject: `Swarm report: ${cut(report.goalText, SUBJECT_GOAL_CHARS)}`,
        text: report.markdown,
        html: report.html,
        headers: { [GOAL_ID_HEADER]: report.goalId },
        messageId,
        ...(signal ? { signal } : {}),
      })) as { response?: unknown };
      const reply = typeof info.response === 'string' ? `: ${cut(info.response, 120)}` : '';
      return { sink: this.name, detail: `sent ${messageId} to ${this.options.to.join(', ')}${reply}` };
    } catch (error) {
      throw this.classify(error);
    }
  }

  private classify(error: unknown): Error {
    const failure = error as { code?: unknown; responseCode?: unknown; message?: unknown };
    const code = typeof failure.code === 'string' ? failure.code : undefined;
    const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : undefined;
    const message = typeof failure.message === 'string' ? failure.message : String(error);
    const server = `SMTP ${this.options.host}:${this.options.port}`;
    if (this.requiresTls && code === 'ETLS')
      return permanentFailure(
        COMMUNICATIONS_ERROR_CODES.emailInsecure,
        `${server} offers no TLS, and the email sink does not send its credentials in clear: use SMTP_SECURE=true ` +
          `(TLS from the first byte) or a server with STARTTLS, or set SMTP_ALLOW_INSECURE_AUTH=true`,
        error,
      );
    const detail = `${code ? `${code} ` : ''}${responseCode ? `${responseCode} ` : ''}${cut(message, 300)}`;
    const refused =
      responseCode !== undefined
        ? responseCode >= 500 && responseCode !== 503
        : code !== undefined && PERMANENT_LOCAL_CODES.has(code);
    if (refused) {
      return permanentFailure(
        COMMUNICATIONS_ERROR_CODES.emailRejected,
        `${server} refused the report: ${detail}`,
        error,
      );
    }
    return transientFailure(
      COMMUNICATIONS_ERROR_CODES.emailUnavailable,
      `${server} could not take the report now: ${detail}`,
      error,
    );
  }
}

/** `<hash.swarm@sender-domain>`: the same key always yields the same Message-ID. Pure. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'swarm.invalid';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}.swarm@${domain}>`;
}
