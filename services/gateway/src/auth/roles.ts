/** The gateway's roles. Every role implies `viewer`; the others are independent of each other. */
export const ROLES = ['viewer', 'submitter', 'approver', 'operator'] as const;
/** One of the gateway's roles. */
export type Role = (typeof ROLES)[number];

/** Who is calling, once authenticated (a static API token or an OpenID Connect token). */
export interface Principal {
  /** The token's name, or the OpenID Connect subject claim. Recorded as `submittedBy` and as the approver. */
  readonly subject: string;
  /** Always includes `viewer` when it holds any role. */
  readonly roles: readonly Role[];
  readonly via: 'token' | 'oidc';
}

/** `roles` plus the `viewer` every role implies, without repeats, in `ROLES` order. Pure. */
export function withImpliedRoles(roles: Iterable<Role>): Role[] {
  const held = new Set(roles);
  if (held.size > 0) held.add('viewer');
  return ROLES.filter((role) => held.has(role));
}

/** Whether `principal` holds one of `needed` (none needed: any authenticated caller). Pure. */
export function hasRole(principal: Principal, needed: readonly Role[]): boolean {
  return needed.length === 0 || needed.some((role) => principal.roles.includes(role));
}
