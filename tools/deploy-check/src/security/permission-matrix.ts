import { BUCKETS } from '@swarm/contracts';
import type { AccessConfig } from './access-config.js';
import { tenantIdentities } from './identities.js';
import { inboxPrefixOf } from './nats-permissions.js';

const code = (items: readonly string[]) =>
  items.length === 0 ? '—' : items.map((i) => `\`${i}\``).join(', ');

/**
 * The permission matrix of docs/security.md, from the same roles the auth.conf generator uses: one row per
 * identity of the first tenant (every tenant has the same rows, with its own user names). Pure.
 */
export function renderPermissionMatrix(config: AccessConfig): string {
  const tenant = config.tenants[0];
  if (!tenant) return '';
  const rows = tenantIdentities(tenant).map(({ user, roleName, role }) => {
    const consumes = role.queue ? `\`${role.queue.filterSubject}\` (durable \`${role.queue.durable}\`)` : '—';
    const keys = [...role.contextWrites.map((family) => `<goal>.${family}`), ...role.deploymentWrites];
    const dlq = role.queue ? [`swarm.dlq.${role.queue.name}`] : [];
    return `| \`${user}\` (${roleName}) | ${consumes} | ${code(role.events)} | ${code([...role.tasks, ...dlq])} | ${code(keys)} | ${code(role.objectWrites)} | \`${inboxPrefixOf(user)}.>\` |`;
  });
  return [
    '| User (role) | Claims work from | Events it may publish | Tasks and dead letters it may publish | Goal-context keys it may write | Object buckets it may write | Replies it may read |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Every user may also read the goal context (\`${BUCKETS.goals}\`) and both object buckets, provision the swarm's`,
    'streams (create what is missing, compare what exists) and nothing else: no user may update, purge or delete a',
    "stream, purge a bucket, write another role's keys, or subscribe outside its own inbox prefix.",
    '',
    `Each agent also keeps its replicas' presence records in \`${BUCKETS.presence}\` (keys \`<its kind>.<instance>\`,`,
    "and no other kind's); the users that read the streams (the CLI, the gateway, approvers) read them to count the",
    'live replicas.',
    '',
    `The agents (every one may call a model) read and write the swarm-wide model rate limiters in \`${BUCKETS.rateLimits}\``,
    '(one state per provider key, booked by compare-and-set); no other user may read or write them.',
  ].join('\n');
}
