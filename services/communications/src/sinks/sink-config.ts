import { AllowHostsSetting } from '@swarm/http-guard';
import { InvalidSettingsError, TaskError } from '@swarm/transport/errors';
import { z } from 'zod';
import { COMMUNICATIONS_ERROR_CODES } from '../domain/errors.js';
import { SINK_NAMES, type DeliverySink, type SinkName } from './delivery-sink.js';
import { EmailSink, type EmailSinkOptions } from './email.sink.js';
import { FileSink } from './file.sink.js';
import { StdoutSink } from './stdout.sink.js';
import { STANDARD_SECRET_PREFIX, standardWebhookKey } from './signature.js';
import { DEFAULT_WEBHOOK_MAX_RESPONSE_BYTES, WebhookSink, type WebhookSinkOptions } from './webhook.sink.js';

const SINK_LIST = Object.values(SINK_NAMES) as [SinkName, ...SinkName[]];
const commaList = (value: string) => [
  ...new Set(
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
];
const MAILBOX = /^(?:[^<>]*<\s*)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+(?:\s*>)?$/;
/** A `whsec_` secret must carry a base64 key of 24 to 64 bytes, as Standard Webhooks asks; others are any text. */
function isUsableSecret(secret: string): boolean {
  if (!secret.startsWith(STANDARD_SECRET_PREFIX)) return true;
  const encoded = secret.slice(STANDARD_SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return false;
  const bytes = standardWebhookKey(secret).length;
  return bytes >= 24 && bytes <= 64;
}
const millis = (fallback: number) => z.coerce.number().int().min(100).max(300_000).default(fallback);

/**
 * The delivery settings as environment variables, with their defaults:
 * - `DELIVERY_SINKS` comma list of `stdout`, `file`, `webhook`, `email`; default `stdout`.
 * - `DELIVERY_FILE_DIR` where the file sink writes; default `reports` (relative to the working directory).
 * - `WEBHOOK_URL` (http or https) and `WEBHOOK_SECRET` (at least 16 characters; a `whsec_` secret must be
 *   base64 of 24 to 64 bytes, as Standard Webhooks asks): required with `webhook`.
 * - `WEBHOOK_TIMEOUT_MS` whole request timeout; default 10000.
 * - `WEBHOOK_ALLOW_PRIVATE_NETWORKS` (true/false) default false: the webhook may be on a loopback, private or
 *   other non-public address. Only for closed test setups; prefer `WEBHOOK_ALLOW_HOSTS`.
 * - `WEBHOOK_ALLOW_HOSTS` comma list of `host` or `host:port` allowed even on a non-public address (an
 *   in-cluster receiver, `127.0.0.1:9000` in development); default none.
 * - `WEBHOOK_MAX_RESPONSE_BYTES` bytes of a failed answer's body read to quote in the error; default 16384.
 * - `SMTP_HOST`, `SMTP_FROM`, `SMTP_TO` (comma list): required with `email`. `SMTP_PORT` default 587;
 *   `SMTP_SECURE` (true/false) default true on port 465, else false (STARTTLS when offered);
 *   `SMTP_USER` and `SMTP_PASS` together or not at all; `SMTP_TIMEOUT_MS` default 15000;
 *   `SMTP_ALLOW_INSECURE_AUTH` default false: credentials are never sent without TLS unless it is true.
 * Empty values count as unset.
 */
export const SinkEnv = z
  .object({
    DELIVERY_SINKS: z
      .string()
      .default(SINK_NAMES.stdout)
      .transform(commaList)
      .pipe(z.array(z.enum(SINK_LIST, { error: `must list only ${SINK_LIST.join(', ')}` })).min(1)),
    DELIVERY_FILE_DIR: z.string().default('reports'),
    WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .min(16, 'must be at least 16 characters')
      .refine(isUsableSecret, {
        error: `a ${STANDARD_SECRET_PREFIX} secret must be base64 of 24 to 64 bytes (Standard Webhooks)`,
      })
      .optional(),
    WEBHOOK_TIMEOUT_MS: millis(10_000),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .transform((value) => ['true', '1', 'yes'].includes(value))
      .default(false),
    WEBHOOK_ALLOW_HOSTS: AllowHostsSetting.default([]),
    WEBHOOK_MAX_RESPONSE_BYTES: z.coerce
      .number()
      .int()
      .min(256)
      .max(1024 * 1024)
      .default(DEFAULT_WEBHOOK_MAX_RESPONSE_BYTES),
    SMTP_HOST: z.string().optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
    SMTP_SECURE: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .transform((value) => ['true', '1', 'yes'].includes(value))
      .optional(),
    SMTP_USER: z.string().optional(),
    SMTP_PASS: z.string().optional(),
    SMTP_ALLOW_INSECURE_AUTH: z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .transform((value) => ['true', '1', 'yes'].includes(value))
      .default(false),
    SMTP_FROM: z.string().regex(MAILBOX, 'must be an address like swarm@example.com').optional(),
    SMTP_TO: z
      .string()
      .transform(commaList)
      .pipe(z.array(z.email({ error: 'must be a comma list of addresses' })).min(1))
      .optional(),
    SMTP_TIMEOUT_MS: millis(15_000),
  })
  .superRefine((env, ctx) => {
    const requireWhen = (sink: SinkName, names: readonly (keyof typeof env)[]) => {
      if (!env.DELIVERY_SINKS.includes(sink)) return;
      for (const name of names) {
        if (env[name] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `is required when DELIVERY_SINKS includes ${sink}`,
          });
        }
      }
    };
    requireWhen(SINK_NAMES.webhook, ['WEBHOOK_URL', 'WEBHOOK_SECRET']);
    requireWhen(SINK_NAMES.email, ['SMTP_HOST', 'SMTP_FROM', 'SMTP_TO']);
    if ((env.SMTP_USER === undefined) !== (env.SMTP_PASS === undefined)) {
      const missing = env.SMTP_USER === undefined ? 'SMTP_USER' : 'SMTP_PASS';
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'is required when the other SMTP credential is set',
      });
    }
  });

/** The parsed delivery settings: which sinks are on, and the options of each one that is. */
export interface SinkConfig {
  readonly enabled: readonly SinkName[];
  readonly file?: { readonly dir: string };
  readonly webhook?: WebhookSinkOptions;
  readonly email?: EmailSinkOptions;
}

/**
 * Reads the delivery settings from an environment-like record (see `SinkEnv`). Throws `InvalidSettingsError`
 * naming every bad or missing variable (never echoing a value).
 */
export function parseSinkConfig(env: Readonly<Record<string, string | undefined>>): SinkConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = SinkEnv.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${String(issue.path[0] ?? 'settings')} ${issue.message}`,
    );
    throw new InvalidSettingsError(`invalid delivery settings: ${problems.join('; ')}`);
  }
  const settings = parsed.data;
  const on = (sink: SinkName) => settings.DELIVERY_SINKS.includes(sink);
  return {
    enabled: settings.DELIVERY_SINKS,
    ...(on(SINK_NAMES.file) ? { file: { dir: settings.DELIVERY_FILE_DIR } } : {}),
    ...(on(SINK_NAMES.webhook) && settings.WEBHOOK_URL && settings.WEBHOOK_SECRET
      ? {
          webhook: {
            url: settings.WEBHOOK_URL,
            secret: settings.WEBHOOK_SECRET,
            timeoutMs: settings.WEBHOOK_TIMEOUT_MS,
            allowPrivateNetworks: settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
            allowHosts: settings.WEBHOOK_ALLOW_HOSTS,
            maxResponseBytes: settings.WEBHOOK_MAX_RESPONSE_BYTES,
          },
        }
      : {}),
    ...(on(SINK_NAMES.email) && settings.SMTP_HOST && settings.SMTP_FROM && settings.SMTP_TO
      ? {
          email: {
            host: settings.SMTP_HOST,
            port: settings.SMTP_PORT,
            secure: settings.SMTP_SECURE ?? settings.SMTP_PORT === 465,
            ...(settings.SMTP_USER === undefined
              ? {}
              : {
                  user: settings.SMTP_USER,
                  pass: settings.SMTP_PASS ?? '',
                  allowInsecureAuth: settings.SMTP_ALLOW_INSECURE_AUTH,
                }),
            from: settings.SMTP_FROM,
            to: settings.SMTP_TO,
            timeoutMs: settings.SMTP_TIMEOUT_MS,
          },
        }
      : {}),
  };
}

/** The sinks a config enables, in `DELIVERY_SINKS` order. `stdout` writes to `deps.stdout` when given. */
export function createSinks(
  config: SinkConfig,
  deps: { readonly stdout?: NodeJS.WritableStream } = {},
): DeliverySink[] {
  return config.enabled.map((name): DeliverySink => {
    switch (name) {
      case SINK_NAMES.stdout:
        return new StdoutSink(deps.stdout);
      case SINK_NAMES.file:
        return new FileSink(config.file?.dir ?? 'reports');
      case SINK_NAMES.webhook:
        if (!config.webhook)
          throw new InvalidSettingsError('the webhook sink is enabled without its settings');
        return new WebhookSink(config.webhook);
      case SINK_NAMES.email:
        if (!config.email) throw new InvalidSettingsError('the email sink is enabled without its settings');
        return new EmailSink(config.email);
    }
  });
}

/**
 * The sinks a goal delivers to: all of them when `deliverTo` is absent, else those it names (in configured
 * order). Throws a permanent `unknown-sink` TaskError for a name this deployment does not enable.
 */
export function selectSinks(sinks: readonly DeliverySink[], deliverTo?: readonly string[]): DeliverySink[] {
  if (deliverTo === undefined) return [...sinks];
  const enabled = sinks.map((sink) => sink.name);
  const unknown = deliverTo.filter((name) => !enabled.includes(name));
  if (unknown.length > 0) {
    throw TaskError.permanent(
      COMMUNICATIONS_ERROR_CODES.unknownSink,
      `deliverTo names ${unknown.map((name) => JSON.stringify(name)).join(', ')}, which this deployment does not ` +
        `enable (enabled: ${enabled.join(', ') || 'none'})`,
    );
  }
  return sinks.filter((sink) => deliverTo.includes(sink.name));
}
