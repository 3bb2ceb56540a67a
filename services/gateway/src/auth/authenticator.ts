import { Inject, Injectable } from '@nestjs/common';
import type { GatewayConfig } from '../config.js';
import { unauthorized } from '../errors.js';
import { GATEWAY_CONFIG } from '../api/tokens.js';
import { OidcVerifier } from './oidc-verifier.js';
import type { Principal } from './roles.js';
import { ROLES } from './roles.js';
import { StaticTokens } from './static-tokens.js';

/** Everyone, with every role: only with `GATEWAY_AUTH=none` (a loopback host). */
const ANONYMOUS: Principal = { subject: 'anonymous', roles: [...ROLES], via: 'token' };

/** The bearer token of an `Authorization` header, or undefined. Pure. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Who is calling: a static API token (`GATEWAY_TOKENS_FILE` / `GATEWAY_TOKENS`) or an OpenID Connect JWT
 * (`GATEWAY_OIDC_*`). A token that looks like a JWT (three dot-separated parts) is verified as one when OIDC is
 * configured; anything else is looked up among the static tokens. The MCP and A2A doors use this too.
 */
@Injectable()
export class Authenticator {
  private readonly tokens: StaticTokens;
  private readonly oidc: OidcVerifier | undefined;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {
    this.tokens = new StaticTokens(config.tokens);
    this.oidc = config.oidc ? new OidcVerifier(config.oidc) : undefined;
  }

  /** The sources a client may log in with, as `GET /config` announces them. */
  get methods(): ('token' | 'oidc' | 'none')[] {
    if (this.config.auth === 'none') return ['none'];
    return [...(this.tokens.size > 0 ? (['token'] as const) : []), ...(this.oidc ? (['oidc'] as const) : [])];
  }

  /**
   * The principal of an `Authorization` header value. Throws GatewayError 401 (`WWW-Authenticate: Bearer`) when
   * there is no bearer token or it is not accepted, naming why.
   */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (this.config.auth === 'none') return ANONYMOUS;
    const token = bearerOf(authorization);
    if (!token) throw unauthorized('a bearer token is required (Authorization: Bearer <token>)', false);
    const looksLikeJwt = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
    if (this.oidc && looksLikeJwt) {
      const verified = await this.oidc.verify(token);
      if ('refused' in verified) throw unauthorized(verified.refused, true);
      return verified;
    }
    const principal = this.tokens.verify(token);
    if (!principal) throw unauthorized('the token is not accepted', true);
    return principal;
  }
}
