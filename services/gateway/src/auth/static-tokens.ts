import { createHash, timingSafeEqual } from 'node:crypto';
import type { StaticTokenEntry } from '../config.js';
import type { Principal } from './roles.js';
import { withImpliedRoles } from './roles.js';

/** The sha256 of a token, as the tokens file holds it (hex). Pure. */
export function tokenSha256(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * The static API tokens: a presented token is hashed and compared with every configured hash in constant time
 * (`timingSafeEqual` on equal-length digests, no early exit), so the answer time says nothing about the tokens.
 */
export class StaticTokens {
  private readonly entries: readonly { digest: Buffer; principal: Principal }[];

  constructor(entries: readonly StaticTokenEntry[]) {
    this.entries = entries.map((entry) => ({
      digest: entry.sha256 ? Buffer.from(entry.sha256, 'hex') : tokenSha256(entry.token ?? ''),
      principal: { subject: entry.name, roles: withImpliedRoles(entry.roles), via: 'token' },
    }));
  }

  /** Whether any token is configured. */
  get size(): number {
    return this.entries.length;
  }

  /** The principal of `token`, or undefined when it is none of the configured tokens. */
  verify(token: string): Principal | undefined {
    const digest = tokenSha256(token);
    let found: Principal | undefined;
    for (const entry of this.entries)
      if (timingSafeEqual(entry.digest, digest) && !found) found = entry.principal;
    return found;
  }
}
