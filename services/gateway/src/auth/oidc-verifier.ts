import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { OidcConfig } from '../config.js';
import type { Principal, Role } from './roles.js';
import { ROLES, withImpliedRoles } from './roles.js';

/** Signature algorithms accepted: asymmetric only, so a token cannot be signed with a public key as an HMAC secret. */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/** A claim by name or by dotted path (`realm_access.roles`); a claim whose name has dots wins. Pure. */
export function claimAt(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The swarm roles a token's roles claim grants: a list of strings or one space-separated string, each mapped
 * through `roleMap` (unset: a name counts when it is a swarm role's). Unknown names grant nothing. Pure.
 */
export function rolesFromClaim(claim: unknown, roleMap: OidcConfig['roleMap']): Role[] {
  const names = Array.isArray(claim)
    ? claim.filter((n): n is string => typeof n === 'string')
    : typeof claim === 'string'
      ? claim.split(/\s+/).filter(Boolean)
      : [];
  const granted = names.flatMap((name): readonly string[] => {
    const mapped: string | readonly string[] | undefined = roleMap ? roleMap[name] : name;
    if (mapped === undefined) return [];
    return typeof mapped === 'string' ? [mapped] : mapped;
  });
  return withImpliedRoles(
    granted.filter((name): name is Role => (ROLES as readonly string[]).includes(name)),
  );
}

/** Where the issuer's keys are: the setting, else discovery's `jwks_uri`, else `<issuer>/.well-known/jwks.json`. */
async function discoverJwksUrl(config: OidcConfig): Promise<URL> {
  if (config.jwksUrl) return new URL(config.jwksUrl);
  const issuer = config.issuer.replace(/\/+$/, '');
  try {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) {
      const document = (await response.json()) as { jwks_uri?: unknown };
      if (typeof document.jwks_uri === 'string') return new URL(document.jwks_uri);
    }
  } catch {
    // No discovery document: the conventional location below.
  }
  return new URL(`${issuer}/.well-known/jwks.json`);
}

/** Why a JWT was refused, in words a client can act on. Pure. */
function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  if (error instanceof errors.JWKSNoMatchingKey) return 'no key of the issuer matches the token';
  if (error instanceof errors.JOSEError) return `the token is not valid (${error.code})`;
  return 'the token could not be verified';
}

/**
 * Verifies OpenID Connect access tokens (JWTs) against the issuer's JWKS with `jose`: signature, `iss`, `aud`,
 * `exp`/`nbf`, asymmetric algorithms only. The key set is fetched on first use and cached by `jose`
 * (refetched when a token names an unknown key).
 */
export class OidcVerifier {
  private keys: Promise<JWTVerifyGetKey> | undefined;

  constructor(private readonly config: OidcConfig) {}

  /** The principal of `token`, or `{ refused }` naming why it is not accepted. */
  async verify(token: string): Promise<Principal | { readonly refused: string }> {
    this.keys ??= discoverJwksUrl(this.config).then((url) => createRemoteJWKSet(url));
    try {
      const { payload } = await jwtVerify(token, await this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: OIDC_ALGORITHMS,
      });
      const subject = claimAt(payload, this.config.subjectClaim);
      if (typeof subject !== 'string' || subject.length === 0)
        return { refused: `the token has no ${this.config.subjectClaim} claim` };
      const roles = rolesFromClaim(claimAt(payload, this.config.rolesClaim), this.config.roleMap);
      return { subject, roles, via: 'oidc' };
    } catch (error) {
      return { refused: refusal(error) };
    }
  }
}
