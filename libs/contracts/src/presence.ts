import { z } from 'zod';

/**
 * An agent replica's presence record in the presence bucket (`BUCKETS.presence`), under the key
 * `presenceKeyOf(kind, instance)`. Each replica puts it when it starts and again at a third of the bucket's max age
 * while it runs, and deletes it when it stops; the bucket's max age (no per-key TTL: that needs nats-server 2.11)
 * drops the record of a replica that died without stopping. Readers count the records per kind: the live replicas.
 */
export const AgentPresence = z.strictObject({
  /** The agent kind (`QUEUES.<queue>.agent`, e.g. `scraper`). */
  kind: z.string().min(1).max(64),
  /** The replica's instance id (`SWARM_INSTANCE_ID`). */
  instance: z.string().min(1).max(128),
  /** The queues it serves. */
  queues: z.array(z.string().min(1)).max(16),
  /** When it started (ISO-8601). */
  startedAt: z.iso.datetime({ offset: true }),
  /** When it last refreshed this record (ISO-8601). */
  seenAt: z.iso.datetime({ offset: true }),
});
/** An agent replica's presence record. */
export type AgentPresence = z.infer<typeof AgentPresence>;

/**
 * The presence key of one replica: `<kind>.<instance>`, the instance with every character a KV key cannot hold
 * (anything but letters, digits, `-`, `_`, `=`) replaced by `_` (the record keeps the real id). A replica's
 * NATS user may write only `<its kind>.>`. Pure.
 */
export function presenceKeyOf(kind: string, instance: string): string {
  return `${kind}.${instance.replace(/[^A-Za-z0-9_=-]/g, '_')}`;
}
