import type { AccessConfig } from './access-config.js';
import type { Identity } from './identities.js';
import { tenantIdentities } from './identities.js';
import { natsPermissions } from './nats-permissions.js';

const HEADER = `# GENERATED from deploy/nats/access.json by \`npm run generate:security\`: do not edit by hand.
# deploy/nats/auth.conf and k8s/base/nats/auth.conf are the same bytes (a test keeps them current and equal).
#
# One NATS account per tenant (a tenant cannot see or touch another's subjects, streams or buckets), with a
# JetStream quota. In each: one user per agent, the operator's \`cli\` and one user per human approver. Passwords
# come from the environment (NATS_PASSWORD_<USER>). docs/security.md explains every right; in short:
# - every user provisions the swarm's streams (create what is missing; never update, purge or delete), reads the
#   goal context and the artifacts, and reads replies only on its own inbox prefix _INBOX_<user>;
# - an agent writes only its own goal-context key families, its own object bucket, its lifecycle events, its one
#   hand-off subject and its dead-letter subject, and owns its durable consumers;
# - only \`cli\` submits goals and replays dead letters; only an approver writes a decision, under its own name.
`;

const list = (items: readonly string[], indent: string) =>
  `[\n${items.map((item) => `${indent}  ${JSON.stringify(item)}`).join(',\n')}\n${indent}]`;

function renderUser(identity: Identity): string {
  const rights = natsPermissions(identity.user, identity.role);
  const deny =
    rights.publishDeny.length > 0 ? `\n            deny: ${list(rights.publishDeny, '            ')}` : '';
  return `      {
        # ${identity.roleName}: ${identity.role.job}
        user: ${identity.user}
        password: $${identity.passwordVariable}
        permissions: {
          publish: {
            allow: ${list(rights.publish, '            ')}${deny}
          }
          subscribe: {
            allow: ${list(rights.subscribe, '            ')}
          }
        }
      }`;
}

/** Renders auth.conf for every tenant of the access configuration. Pure and deterministic. */
export function renderAuthConf(config: AccessConfig): string {
  const accounts = config.tenants.map((tenant) => {
    const quota = tenant.jetstream;
    return `  ${tenant.account}: {
    # tenant ${tenant.name}
    jetstream: {
      max_mem: ${quota.maxMemory}
      max_file: ${quota.maxFile}
      max_streams: ${quota.maxStreams}
      max_consumers: ${quota.maxConsumers}
    }
    users: [
${tenantIdentities(tenant).map(renderUser).join('\n')}
    ]
  }`;
  });
  return `${HEADER}accounts {\n${accounts.join('\n')}\n}\n`;
}
