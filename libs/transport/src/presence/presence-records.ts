import { AgentPresence } from '@swarm/contracts';

/** The header nats.js KV sets on a delete (`DEL`) or purge (`PURGE`) marker. */
const KV_OPERATION = 'KV-Operation';

/**
 * The presence records among the newest messages of the presence bucket's keys: delete and purge markers (a
 * replica that stopped) and bodies that are no `AgentPresence` are left out. Pure.
 */
export function presenceRecordsOf(
  messages: readonly {
    readonly headers: Readonly<Record<string, readonly string[]>>;
    readonly body: unknown;
  }[],
): AgentPresence[] {
  const records: AgentPresence[] = [];
  for (const message of messages) {
    const operation = message.headers[KV_OPERATION]?.[0];
    if (operation === 'DEL' || operation === 'PURGE') continue;
    const parsed = AgentPresence.safeParse(message.body);
    if (parsed.success) records.push(parsed.data);
  }
  return records;
}
