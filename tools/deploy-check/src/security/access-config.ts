import { z } from 'zod';

const NAME = /^[a-z][a-z0-9-]{0,31}$/;
/** User names the swarm's own roles take. */
const RESERVED_USERS = ['search', 'scraper', 'ranker', 'communications', 'cli', 'gateway'];

/** A tenant's JetStream quota, enforced by the server for its NATS account. */
export const TenantQuota = z.strictObject({
  /** Memory-store bytes, in nats-server units (e.g. `256M`). */
  maxMemory: z.string().regex(/^\d+[KMGT]?$/),
  /** File-store bytes (e.g. `8G`). */
  maxFile: z.string().regex(/^\d+[KMGT]?$/),
  maxStreams: z.int().min(1),
  maxConsumers: z.int().min(1),
});

/**
 * One tenant: a NATS account of its own (it cannot see or touch another tenant's subjects, streams or buckets),
 * with its own users and JetStream quota.
 */
export const Tenant = z.strictObject({
  /** The tenant's name: also the prefix of its users (`<name>-search`), except for the first tenant's. */
  name: z.string().regex(NAME, 'tenant name: lowercase letters, digits and "-", starting with a letter'),
  /** The NATS account name. */
  account: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'account: uppercase letters, digits and "_"'),
  /** Whether user names carry the tenant prefix (the default tenant's users are plain `search`, `cli`, ...). */
  prefixUsers: z.boolean(),
  /** One NATS user per human approver: the approver recorded on a decision is the one who logged in. */
  approvers: z.array(z.string().regex(NAME, 'approver name: lowercase letters, digits and "-"')).min(1),
  jetstream: TenantQuota,
});
/** One tenant of the access configuration. */
export type Tenant = z.infer<typeof Tenant>;

/** deploy/nats/access.json: the one place the swarm's NATS identities and quotas are declared. */
export const AccessConfig = z
  .strictObject({ $comment: z.string().optional(), tenants: z.array(Tenant).min(1) })
  .refine((config) => new Set(config.tenants.map((t) => t.account)).size === config.tenants.length, {
    message: 'account names must be unique',
  })
  .refine((config) => config.tenants.filter((t) => !t.prefixUsers).length <= 1, {
    message: 'at most one tenant may have unprefixed user names',
  })
  .refine((config) => config.tenants.every((t) => t.approvers.every((a) => !RESERVED_USERS.includes(a))), {
    message: `an approver may not be named like a service user (${RESERVED_USERS.join(', ')})`,
  });
/** The parsed access configuration. */
export type AccessConfig = z.infer<typeof AccessConfig>;

/** Parses access.json text, naming the bad field. Throws Error. */
export function parseAccessConfig(text: string): AccessConfig {
  const parsed = AccessConfig.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`invalid access config: ${detail}`);
  }
  return parsed.data;
}
