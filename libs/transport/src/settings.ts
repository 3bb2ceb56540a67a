import { hostname } from 'node:os';
import { z } from 'zod';
import { plaintextRefusal } from './bus/tls-policy.js';
import { BUDGET_ENV, budgetCeiling, budgetDefaults, BudgetSettings } from './budget.settings.js';
import { overCeiling } from '@swarm/contracts';
import { InvalidSettingsError } from './errors.js';
import { RATE_LIMIT_ENV, RateLimitSettings } from './rate-limit.settings.js';
import { STREAM_LIMITS_ENV, StreamLimitSettings } from './stream-limits.settings.js';

const ms = z.coerce.number().int().min(0);
const booleanFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);
const csvOfMs = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((part) => Number(part.trim())) : value),
  z.array(z.number().int().min(0)).min(1),
);

/**
 * Transport settings, parsed once at boot. Every limit is named here with its default; the env variable that
 * sets it is in `TRANSPORT_ENV`.
 */
export const TransportSettings = z
  .object({
    /** NATS server URLs, comma-separated. */
    natsUrl: z.string().min(1).default('nats://127.0.0.1:4222'),
    natsUser: z.string().optional(),
    natsPassword: z.string().optional(),
    natsToken: z.string().optional(),
    /**
     * A NATS credentials file (user JWT and nkey seed, as `nsc` writes it), read at every (re)connect so a
     * rotated file is picked up. Unset: no JWT login.
     */
    natsCredsFile: z.string().min(1).optional(),
    /** PEM file of the CA(s) that signed the server's certificate. Unset: the system's trusted CAs. */
    natsTlsCa: z.string().min(1).optional(),
    /** PEM client certificate for mutual TLS (needs natsTlsKey). */
    natsTlsCert: z.string().min(1).optional(),
    /** PEM private key of natsTlsCert. */
    natsTlsKey: z.string().min(1).optional(),
    /**
     * Production guard: refuse to start when a server is not on loopback (127.0.0.0/8, ::1, localhost) and the
     * connection would not be TLS (no natsTls* file and no `tls://` URL). Off by default for development.
     */
    requireTls: booleanFlag.default(false),
    /**
     * Prefix of this client's reply subjects (requests, JetStream acks, consumers). Unset: `_INBOX_<natsUser>`
     * when a user is set, else `_INBOX`. NATS permissions can then let a user read replies only under its own
     * prefix, so one user cannot read the replies sent to another.
     */
    natsInboxPrefix: z
      .string()
      .regex(/^[^\s*>]+$/, 'must be a subject without wildcards or whitespace')
      .refine((prefix) => !prefix.startsWith('.') && !prefix.endsWith('.') && !prefix.includes('..'), {
        message: 'must not start or end with a dot, nor hold an empty token',
      })
      .optional(),
    /** How long one connection attempt (TCP, TLS handshake, CONNECT/PONG) may take before it fails. */
    connectTimeoutMs: ms.min(100).default(20_000),
    /** A unique name for this replica (shows in claimed events, logs and traces). */
    instanceId: z.string().min(1).default(`${hostname()}-${process.pid}`),
    /** Tasks one replica works on at once: it pulls only when a slot is free. */
    inFlight: z.coerce.number().int().min(1).max(1_000).default(4),
    /** How long the server waits for an ack (or a heartbeat) before redelivering to another replica. */
    ackWaitMs: ms.min(1_000).default(30_000),
    /** How often a running task tells the server it is still working (must be below ackWaitMs). */
    heartbeatMs: ms.min(100).default(10_000),
    /** Deliveries of one task before it is dead-lettered (the first try counts). */
    maxDeliver: z.coerce.number().int().min(1).max(100).default(5),
    /** Delay before retry N (the last entry repeats). */
    backoffMs: csvOfMs.default([1_000, 5_000, 15_000, 30_000]),
    /** Unacked tasks a consumer allows across all replicas (server-side flow control). */
    maxAckPending: z.coerce.number().int().min(1).default(1_000),
    /** How long a pull request waits on an empty queue before it is renewed. */
    pullExpiresMs: ms.min(1_000).default(5_000),
    /** On shutdown, how long in-flight tasks may run before they are left to redelivery. */
    drainTimeoutMs: ms.default(20_000),
    /** De-duplication window of the streams (msg ids seen within it are dropped). */
    duplicateWindowMs: ms.min(1_000).default(10 * 60_000),
    /** Stream replicas (3 on a JetStream cluster). */
    replicas: z.coerce.number().int().min(1).max(5).default(1),
    /** Bytes of an original payload kept in a dead-letter record. */
    deadLetterPayloadLimitBytes: z.coerce
      .number()
      .int()
      .min(1_024)
      .default(256 * 1_024),
    /** How long per-goal context lives in the KV bucket. */
    goalContextTtlMs: ms.default(7 * 24 * 60 * 60_000),
    /**
     * Max age of the presence bucket, set when it is created: a replica that stops refreshing its presence record
     * (every third of the bucket's max age) drops out of the live replicas after at most this long.
     */
    presenceTtlMs: ms.min(3_000).default(30_000),
    /** Compare-and-set attempts before an update gives up with a retryable error. */
    casMaxAttempts: z.coerce.number().int().min(1).default(25),
    /**
     * Wait for the server to confirm each ack. Off by default: a lost ack means one redelivery, which the
     * deterministic message ids make harmless, and confirming costs a round trip per task.
     */
    confirmAcks: booleanFlag.default(false),
    /** Stream size and count limits and the admission high-water mark: see stream-limits.settings.ts. */
    ...StreamLimitSettings,
    /** Goal budget defaults, ceiling and exhaustion policy: see budget.settings.ts. */
    ...BudgetSettings,
    /** The rate-limits bucket's max age: see rate-limit.settings.ts. */
    ...RateLimitSettings,
  })
  .refine((s) => s.heartbeatMs < s.ackWaitMs, {
    message: 'heartbeatMs must be below ackWaitMs',
    path: ['heartbeatMs'],
  })
  .superRefine((s, ctx) => {
    if ((s.natsTlsCert === undefined) !== (s.natsTlsKey === undefined)) {
      const path = s.natsTlsCert === undefined ? 'natsTlsKey' : 'natsTlsCert';
      ctx.addIssue({ code: 'custom', path: [path], message: 'a client certificate and its key go together' });
    }
    if (s.natsInboxPrefix === undefined && s.natsUser !== undefined && /[\s*>]/.test(s.natsUser)) {
      const message = 'the user name cannot be a reply prefix (wildcard or whitespace): set one';
      ctx.addIssue({ code: 'custom', path: ['natsInboxPrefix'], message });
    }
    const overDefaults = overCeiling(budgetDefaults(s), budgetCeiling(s));
    if (overDefaults.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['budgetMaxCostUsd'],
        message: `a default budget is above the ceiling: ${overDefaults.join(', ')}`,
      });
    const refusal = plaintextRefusal(s);
    if (refusal !== undefined) ctx.addIssue({ code: 'custom', message: refusal, path: ['requireTls'] });
  })
  .transform((s) => ({ ...s, natsInboxPrefix: s.natsInboxPrefix ?? defaultInboxPrefix(s.natsUser) }));
/** Parsed transport settings. */
export type TransportSettings = z.infer<typeof TransportSettings>;
/** Transport settings as given (every field optional). */
export type TransportSettingsInput = z.input<typeof TransportSettings>;

/** The environment variable behind each setting. */
export const TRANSPORT_ENV = {
  natsUrl: 'NATS_URL',
  natsUser: 'NATS_USER',
  natsPassword: 'NATS_PASSWORD',
  natsToken: 'NATS_TOKEN',
  natsCredsFile: 'NATS_CREDS_FILE',
  natsTlsCa: 'NATS_TLS_CA',
  natsTlsCert: 'NATS_TLS_CERT',
  natsTlsKey: 'NATS_TLS_KEY',
  requireTls: 'SWARM_REQUIRE_TLS',
  natsInboxPrefix: 'NATS_INBOX_PREFIX',
  connectTimeoutMs: 'NATS_CONNECT_TIMEOUT_MS',
  instanceId: 'SWARM_INSTANCE_ID',
  inFlight: 'SWARM_IN_FLIGHT',
  ackWaitMs: 'SWARM_ACK_WAIT_MS',
  heartbeatMs: 'SWARM_HEARTBEAT_MS',
  maxDeliver: 'SWARM_MAX_DELIVER',
  backoffMs: 'SWARM_BACKOFF_MS',
  maxAckPending: 'SWARM_MAX_ACK_PENDING',
  pullExpiresMs: 'SWARM_PULL_EXPIRES_MS',
  drainTimeoutMs: 'SWARM_DRAIN_TIMEOUT_MS',
  duplicateWindowMs: 'SWARM_DUPLICATE_WINDOW_MS',
  replicas: 'SWARM_STREAM_REPLICAS',
  deadLetterPayloadLimitBytes: 'SWARM_DLQ_PAYLOAD_LIMIT_BYTES',
  goalContextTtlMs: 'SWARM_GOAL_CONTEXT_TTL_MS',
  presenceTtlMs: 'SWARM_PRESENCE_TTL_MS',
  casMaxAttempts: 'SWARM_CAS_MAX_ATTEMPTS',
  confirmAcks: 'SWARM_CONFIRM_ACKS',
  ...STREAM_LIMITS_ENV,
  ...BUDGET_ENV,
  ...RATE_LIMIT_ENV,
} as const satisfies Record<keyof TransportSettings, string>;

/** The reply prefix of a client that sets none: `_INBOX_<user>` for a named user, else nats.js's `_INBOX`. */
export function defaultInboxPrefix(natsUser: string | undefined): string {
  return natsUser === undefined || natsUser === '' ? '_INBOX' : `_INBOX_${natsUser}`;
}

/** Validates settings, naming every bad value. Throws InvalidSettingsError. */
export function parseTransportSettings(input: TransportSettingsInput = {}): TransportSettings {
  const parsed = TransportSettings.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message.toLowerCase()}`)
      .join('; ');
    throw new InvalidSettingsError(`invalid transport settings: ${detail}`);
  }
  return parsed.data;
}

/** Reads transport settings from an environment map (pass `process.env` from the service's config module). */
export function transportSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): TransportSettings {
  const input: Record<string, string> = {};
  for (const [key, variable] of Object.entries(TRANSPORT_ENV)) {
    const value = env[variable];
    if (value !== undefined && value !== '') input[key] = value;
  }
  try {
    return parseTransportSettings(input);
  } catch (error) {
    if (!(error instanceof InvalidSettingsError)) throw error;
    const named = error.message.replace(/(\w+): /g, (match, key: string) =>
      key in TRANSPORT_ENV ? `${TRANSPORT_ENV[key as keyof typeof TRANSPORT_ENV]}: ` : match,
    );
    throw new InvalidSettingsError(named);
  }
}
