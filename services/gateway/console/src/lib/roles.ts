/** The gateway's roles (see docs/gateway.md). Every role implies `viewer`. */
export type Role = 'viewer' | 'submitter' | 'approver' | 'operator';

/** What the console lets a user do, and the role each needs. */
export const ACTIONS = {
  submit: 'submitter',
  decide: 'approver',
  deadLetters: 'operator',
  addBudget: 'operator',
} as const satisfies Record<string, Role>;

/** An action the console offers. */
export type Action = keyof typeof ACTIONS;

/** Whether a user with `roles` may do `action`. Pure. */
export function may(roles: readonly string[], action: Action): boolean {
  return roles.includes(ACTIONS[action]);
}

/** Why a control is disabled for a user without the role, or undefined when it is allowed. Pure. */
export function refusalOf(roles: readonly string[], action: Action): string | undefined {
  return may(roles, action)
    ? undefined
    : `Needs the ${ACTIONS[action]} role; you have: ${roles.join(', ') || 'none'}.`;
}
