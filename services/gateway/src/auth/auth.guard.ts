import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { GATEWAY_CONFIG } from '../api/tokens.js';
import type { GatewayConfig } from '../config.js';
import { forbidden, GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';
import { Authenticator } from './authenticator.js';
import { RateLimiter } from './rate-limiter.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import type { Principal, Role } from './roles.js';
import { hasRole } from './roles.js';

/** A request once the guard let it in: who is calling. */
export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * The global guard of every controller route: a `@Public()` route is open; any other needs a bearer token
 * (401 otherwise), stays within `GATEWAY_RATE_LIMIT_PER_MINUTE` per caller (429 with `Retry-After`), and holds one
 * of the route's `@Roles()` (403 naming them). The principal is put on the request (`@CurrentPrincipal()`).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.limiter = new RateLimiter(config.rateLimitPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticator.authenticate(request.headers.authorization);
    this.checkRate(principal);
    const needed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (!hasRole(principal, needed) || principal.roles.length === 0)
      throw forbidden(needed.length ? needed : ['viewer']);
    request.principal = principal;
    return true;
  }

  /** Throws 429 with `Retry-After` when `principal` is over the rate limit. Other doors (MCP, A2A) call it too. */
  checkRate(principal: Principal): void {
    const taken = this.limiter.take(`${principal.via}:${principal.subject}`);
    if (!taken.ok)
      throw new GatewayError(
        429,
        GATEWAY_ERROR_CODES.rateLimited,
        `too many requests: at most ${this.config.rateLimitPerMinute} a minute per token; try again in ${taken.retryAfterSeconds}s`,
        { headers: { 'Retry-After': String(taken.retryAfterSeconds) }, retryable: true },
      );
  }
}
