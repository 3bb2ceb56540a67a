import { createHash } from 'node:crypto';
import { bearerOf } from './authenticator.js';
import { claimAt, rolesFromClaim } from './oidc-verifier.js';
import { RateLimiter } from './rate-limiter.js';
import { hasRole, withImpliedRoles } from './roles.js';
import { StaticTokens } from './static-tokens.js';

describe('StaticTokens', () => {
  const tokens = new StaticTokens([
    { name: 'laptop', token: 'laptop-token-0123456789', roles: ['operator'] },
    {
      name: 'ci',
      sha256: createHash('sha256').update('ci-token-0123456789').digest('hex'),
      roles: ['submitter'],
    },
  ]);

  it('finds the principal of a token given in clear or as its sha256, with viewer implied', () => {
    expect(tokens.verify('laptop-token-0123456789')).toEqual({
      subject: 'laptop',
      roles: ['viewer', 'operator'],
      via: 'token',
    });
    expect(tokens.verify('ci-token-0123456789')?.subject).toBe('ci');
  });

  it('knows no other token, not even a prefix of one', () => {
    expect(tokens.verify('laptop-token-012345678')).toBeUndefined();
    expect(tokens.verify('')).toBeUndefined();
  });
});

describe('bearerOf', () => {
  it('takes the token of a Bearer header only', () => {
    expect(bearerOf('Bearer abc.def')).toBe('abc.def');
    expect(bearerOf('bearer abc')).toBe('abc');
    expect(bearerOf('Basic abc')).toBeUndefined();
    expect(bearerOf('Bearer a b')).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
  });
});

describe('OpenID Connect claims', () => {
  it('reads a claim by name or by dotted path', () => {
    const payload = { roles: ['a'], realm_access: { roles: ['b'] }, 'x.y': 1 };
    expect(claimAt(payload, 'roles')).toEqual(['a']);
    expect(claimAt(payload, 'realm_access.roles')).toEqual(['b']);
    expect(claimAt(payload, 'x.y')).toBe(1);
    expect(claimAt(payload, 'missing.path')).toBeUndefined();
  });

  it('maps the IdP roles through the role map and drops what is no swarm role', () => {
    expect(rolesFromClaim(['swarm-ops', 'other'], { 'swarm-ops': ['operator', 'submitter'] })).toEqual([
      'viewer',
      'submitter',
      'operator',
    ]);
    expect(rolesFromClaim('approver admin', undefined)).toEqual(['viewer', 'approver']);
    expect(rolesFromClaim(42, undefined)).toEqual([]);
  });
});

describe('roles', () => {
  it('implies viewer only for a principal holding some role, and keeps the others independent', () => {
    expect(withImpliedRoles([])).toEqual([]);
    const operator = { subject: 'o', roles: withImpliedRoles(['operator']), via: 'token' as const };
    expect(hasRole(operator, ['viewer'])).toBe(true);
    expect(hasRole(operator, ['approver'])).toBe(false);
  });
});

describe('RateLimiter', () => {
  it('allows a burst of the limit, then one request per share of the minute, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    expect([limiter.take('a'), limiter.take('a')].every((t) => t.ok)).toBe(true);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.take('b').ok).toBe(true);
    now = 30_000;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });
});
