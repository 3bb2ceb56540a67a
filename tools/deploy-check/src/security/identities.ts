import type { Tenant } from './access-config.js';
import type { Role } from './roles.js';
import { AGENT_ROLES, approverRole, gatewayRole, OPERATOR_ROLE } from './roles.js';

/** One NATS user the configuration declares: its name, password variable, tenant and role. */
export interface Identity {
  readonly user: string;
  /** The environment variable holding its password on the server (`NATS_PASSWORD_<USER>`). */
  readonly passwordVariable: string;
  readonly tenant: Tenant;
  /** The role name: an agent kind, `cli`, `gateway`, or `approver`. */
  readonly roleName: string;
  readonly role: Role;
}

const passwordVariableOf = (user: string) => `NATS_PASSWORD_${user.toUpperCase().replace(/-/g, '_')}`;

/** Every identity of a tenant: the four agents, the operator's `cli`, the `gateway` and one user per approver. Pure. */
export function tenantIdentities(tenant: Tenant): Identity[] {
  const userOf = (name: string) => (tenant.prefixUsers ? `${tenant.name}-${name}` : name);
  const entries: [string, string, Role][] = [
    ...Object.entries(AGENT_ROLES).map(([agent, role]): [string, string, Role] => [agent, agent, role]),
    ['cli', 'cli', OPERATOR_ROLE],
    ['gateway', 'gateway', gatewayRole(userOf('gateway'))],
    ...tenant.approvers.map((name): [string, string, Role] => [name, 'approver', approverRole(userOf(name))]),
  ];
  return entries.map(([name, roleName, role]) => {
    const user = userOf(name);
    return { user, passwordVariable: passwordVariableOf(user), tenant, roleName, role };
  });
}
