import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransportSettings } from '@swarm/transport';
import { transportSettingsFromEnv } from '@swarm/transport';
import { z } from 'zod';
import { ROLES } from './auth/roles.js';
import { GatewayConfigError } from './errors.js';

/** One static API token: its name is the principal's subject. `sha256` (hex of the token) or `token` in clear. */
export const StaticTokenEntry = z
  .strictObject({
    name: z.string().min(1).max(128),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'sha256 must be 64 hex digits')
      .optional(),
    token: z.string().min(16, 'a token in clear must be at least 16 characters').optional(),
    roles: z.array(z.enum(ROLES)).min(1),
  })
  .refine((entry) => (entry.sha256 === undefined) !== (entry.token === undefined), {
    message: 'give exactly one of sha256 and token',
  });
/** One static API token as configured. */
export type StaticTokenEntry = z.infer<typeof StaticTokenEntry>;

const StaticTokens = z.array(StaticTokenEntry);

const json = <T extends z.ZodType>(schema: T) =>
  z.string().transform((text, ctx): z.output<T> => {
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: `${issue.path.join('.')}: ${issue.message}` });
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not JSON: ${(error as Error).message}` });
    }
    return z.NEVER;
  });

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * The gateway's environment (defaults in the schema; docs/gateway.md has the table). Every limit is a setting.
 */
export const GatewayEnv = z.object({
  GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  GATEWAY_PUBLIC_URL: z.url().optional(),
  GATEWAY_TOKENS_FILE: z.string().min(1).optional(),
  GATEWAY_TOKENS: json(StaticTokens).optional(),
  GATEWAY_AUTH: z.enum(['required', 'none']).default('required'),
  GATEWAY_OIDC_ISSUER: z.url().optional(),
  GATEWAY_OIDC_AUDIENCE: z.string().min(1).optional(),
  GATEWAY_OIDC_JWKS_URL: z.url().optional(),
  GATEWAY_OIDC_ROLES_CLAIM: z.string().min(1).default('roles'),
  GATEWAY_OIDC_SUBJECT_CLAIM: z.string().min(1).default('sub'),
  GATEWAY_OIDC_ROLE_MAP: json(
    z.record(z.string(), z.union([z.enum(ROLES), z.array(z.enum(ROLES))])),
  ).optional(),
  GATEWAY_OIDC_CLIENT_ID: z.string().min(1).optional(),
  GATEWAY_BODY_LIMIT_BYTES: positiveInt(65_536),
  GATEWAY_RATE_LIMIT_PER_MINUTE: positiveInt(120),
  GATEWAY_SSE_HEARTBEAT_MS: positiveInt(15_000),
  GATEWAY_PAGE_SIZE_MAX: positiveInt(100),
  GATEWAY_MCP_WAIT_MAX_SECONDS: positiveInt(60),
  GATEWAY_MCP_RECENT_EVENTS: positiveInt(10),
  GATEWAY_AGENTS_EVENTS_MAX: positiveInt(10_000),
  GATEWAY_JAEGER_URL: z.url().optional(),
  GATEWAY_CONSOLE_DIR: z.string().min(1).optional(),
  GATEWAY_PROVISION: z.enum(['true', 'false']).default('false'),
});

/** OpenID Connect settings: tokens are verified against the issuer's JWKS. */
export interface OidcConfig {
  readonly issuer: string;
  readonly audience: string;
  /** Unset: discovery's `jwks_uri`, else `<issuer>/.well-known/jwks.json`. */
  readonly jwksUrl: string | undefined;
  /** A claim name or a dotted path (`realm_access.roles`). */
  readonly rolesClaim: string;
  readonly subjectClaim: string;
  /** The IdP's role names to the swarm's; unset: a role counts when it has a swarm role's name. */
  readonly roleMap: Readonly<Record<string, string | readonly string[]>> | undefined;
  readonly clientId: string | undefined;
}

/** The gateway's configuration, parsed once at boot. */
export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  /** `none`: no authentication at all (every caller has every role); only on a loopback host. */
  readonly auth: 'required' | 'none';
  readonly tokens: readonly StaticTokenEntry[];
  readonly oidc: OidcConfig | undefined;
  readonly bodyLimitBytes: number;
  readonly rateLimitPerMinute: number;
  readonly sseHeartbeatMs: number;
  readonly pageSizeMax: number;
  /** The longest an MCP `get_goal` waits for a change (seconds): one MCP request stays open at most this long. */
  readonly mcpWaitMaxSeconds: number;
  /** How many of the goal's latest timeline entries an MCP `get_goal` returns. */
  readonly mcpRecentEvents: number;
  /** Most `task.completed` events `GET /agents` reads to count the last minute's completions. */
  readonly agentsEventsMax: number;
  readonly jaegerUrl: string | undefined;
  readonly consoleDir: string;
  /** Create the streams and buckets at start (a development bus); a deployment leaves that to the operator. */
  readonly provision: boolean;
  readonly transport: TransportSettings;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The built console beside the compiled `main.js` (`dist/console`). */
export function defaultConsoleDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'console');
}

function readTokensFile(file: string): StaticTokenEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GatewayConfigError(`GATEWAY_TOKENS_FILE ${file} cannot be read: ${(error as Error).message}`);
  }
  const parsed = json(StaticTokens).safeParse(text);
  if (parsed.success) return parsed.data;
  throw new GatewayConfigError(
    `GATEWAY_TOKENS_FILE ${file}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
  );
}

/**
 * Parses the environment once. Throws GatewayConfigError naming every bad variable, when no token source is
 * configured (never an open door) unless `GATEWAY_AUTH=none`, and when `GATEWAY_AUTH=none` binds to a
 * non-loopback host.
 */
export function loadGatewayConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = GatewayEnv.safeParse(cleaned);
  if (!result.success)
    throw new GatewayConfigError(
      `invalid configuration: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message.toLowerCase()}`).join('; ')}`,
    );
  const e = result.data;
  const tokens = [
    ...(e.GATEWAY_TOKENS ?? []),
    ...(e.GATEWAY_TOKENS_FILE ? readTokensFile(e.GATEWAY_TOKENS_FILE) : []),
  ];
  if ((e.GATEWAY_OIDC_ISSUER === undefined) !== (e.GATEWAY_OIDC_AUDIENCE === undefined))
    throw new GatewayConfigError('set both GATEWAY_OIDC_ISSUER and GATEWAY_OIDC_AUDIENCE, or neither');
  const oidc: OidcConfig | undefined =
    e.GATEWAY_OIDC_ISSUER && e.GATEWAY_OIDC_AUDIENCE
      ? {
          issuer: e.GATEWAY_OIDC_ISSUER,
          audience: e.GATEWAY_OIDC_AUDIENCE,
          jwksUrl: e.GATEWAY_OIDC_JWKS_URL,
          rolesClaim: e.GATEWAY_OIDC_ROLES_CLAIM,
          subjectClaim: e.GATEWAY_OIDC_SUBJECT_CLAIM,
          roleMap: e.GATEWAY_OIDC_ROLE_MAP,
          clientId: e.GATEWAY_OIDC_CLIENT_ID,
        }
      : undefined;
  if (e.GATEWAY_AUTH === 'required' && tokens.length === 0 && !oidc)
    throw new GatewayConfigError(
      'no token source: set GATEWAY_TOKENS_FILE, GATEWAY_TOKENS or GATEWAY_OIDC_ISSUER + GATEWAY_OIDC_AUDIENCE (or GATEWAY_AUTH=none on a loopback host)',
    );
  if (e.GATEWAY_AUTH === 'none' && !LOOPBACK.has(e.GATEWAY_HOST))
    throw new GatewayConfigError(
      `GATEWAY_AUTH=none only binds to a loopback host (127.0.0.1, ::1, localhost), not ${e.GATEWAY_HOST}`,
    );
  let transport: TransportSettings;
  try {
    transport = transportSettingsFromEnv(env);
  } catch (error) {
    throw new GatewayConfigError(`invalid transport settings: ${(error as Error).message}`, { cause: error });
  }
  return {
    host: e.GATEWAY_HOST,
    port: e.GATEWAY_PORT,
    publicUrl: (e.GATEWAY_PUBLIC_URL ?? `http://localhost:${e.GATEWAY_PORT}`).replace(/\/+$/, ''),
    auth: e.GATEWAY_AUTH,
    tokens,
    oidc,
    bodyLimitBytes: e.GATEWAY_BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.GATEWAY_RATE_LIMIT_PER_MINUTE,
    sseHeartbeatMs: e.GATEWAY_SSE_HEARTBEAT_MS,
    pageSizeMax: e.GATEWAY_PAGE_SIZE_MAX,
    mcpWaitMaxSeconds: e.GATEWAY_MCP_WAIT_MAX_SECONDS,
    mcpRecentEvents: e.GATEWAY_MCP_RECENT_EVENTS,
    agentsEventsMax: e.GATEWAY_AGENTS_EVENTS_MAX,
    jaegerUrl: e.GATEWAY_JAEGER_URL?.replace(/\/+$/, ''),
    consoleDir: e.GATEWAY_CONSOLE_DIR ?? defaultConsoleDir(),
    provision: e.GATEWAY_PROVISION === 'true',
    transport,
  };
}
