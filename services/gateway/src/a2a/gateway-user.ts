import type { ServerCallContext, User } from '@a2a-js/sdk/server';
import type { Principal } from '../api/gateway-operations.js';

/**
 * The A2A SDK's user for an authenticated gateway caller: the principal (subject, roles) and a signal that
 * aborts when the caller's HTTP request goes away, so a goal followed for it stops being followed.
 */
export class GatewayUser implements User {
  constructor(
    readonly principal: Principal,
    readonly signal: AbortSignal,
  ) {}

  get isAuthenticated(): boolean {
    return true;
  }

  get userName(): string {
    return this.principal.subject;
  }
}

/** The gateway user of a call; throws when the call was not authenticated by the gateway (a wiring error). */
export function gatewayUserOf(context: ServerCallContext | undefined): GatewayUser {
  const user = context?.user;
  if (!(user instanceof GatewayUser)) throw new Error('a2a call without an authenticated gateway user');
  return user;
}
