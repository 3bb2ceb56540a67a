import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CryptoKey, JWK } from 'jose';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats } from '@swarm/testing';
import type { RunningGateway } from '../src/index.js';
import { call, startTestGateway, TOKENS } from './gateway-fixture.js';

let nats: NatsServerHandle;
let gateway: RunningGateway;
let jwks: Server;
let issuer: string;
let signingKey: CryptoKey;
let otherKey: CryptoKey;
const AUDIENCE = 'swarm-gateway';

/** A local OpenID provider: the discovery document and the JWKS with the signing key's public half. */
async function startJwksServer(publicJwk: JWK): Promise<Server> {
  const server = createServer((request, response) => {
    const body =
      request.url === '/.well-known/openid-configuration'
        ? { issuer, jwks_uri: `${issuer}/keys` }
        : request.url === '/keys'
          ? { keys: [{ ...publicJwk, kid: 'k1', alg: 'ES256', use: 'sig' }] }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return server;
}

/** An access token as the provider would issue it, with claims overridable for the refusals. */
function accessToken(
  options: {
    key?: CryptoKey;
    iss?: string;
    aud?: string;
    expiresIn?: string;
    roles?: string[];
    sub?: string;
  } = {},
): Promise<string> {
  return new SignJWT({ realm_access: { roles: options.roles ?? ['swarm-approver', 'offline_access'] } })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.aud ?? AUDIENCE)
    .setSubject(options.sub ?? 'ada@example.com')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signingKey);
}

beforeAll(async () => {
  nats = await startNats();
  const pair = await generateKeyPair('ES256');
  signingKey = pair.privateKey;
  otherKey = (await generateKeyPair('ES256')).privateKey;
  jwks = await startJwksServer(await exportJWK(pair.publicKey));
  gateway = await startTestGateway(nats.url, {
    GATEWAY_OIDC_ISSUER: issuer,
    GATEWAY_OIDC_AUDIENCE: AUDIENCE,
    GATEWAY_OIDC_ROLES_CLAIM: 'realm_access.roles',
    GATEWAY_OIDC_ROLE_MAP: JSON.stringify({
      'swarm-approver': 'approver',
      'swarm-ops': ['operator', 'submitter'],
    }),
    GATEWAY_BODY_LIMIT_BYTES: '1024',
  });
});

afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => jwks?.close(resolve));
  await nats?.stop();
});

describe('bearer tokens', () => {
  it('refuses a request without a token with 401, a Bearer challenge and a problem body', async () => {
    const response = await call(gateway, '/api/v1/goals');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="swarm"');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('refuses a token it does not know with 401 invalid_token', async () => {
    const response = await call(gateway, '/api/v1/goals', { token: 'not-a-token-of-this-gateway' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
  });

  it('accepts a static token stored as a sha256 and says who the caller is, with the implied viewer role', async () => {
    const response = await call(gateway, '/api/v1/whoami', { token: TOKENS.approver });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      subject: 'alice@example.com',
      roles: ['viewer', 'approver'],
      via: 'token',
    });
  });

  it('refuses a role the token lacks with 403 naming the role needed', async () => {
    const response = await call(gateway, '/api/v1/goals/g-1/approval', {
      token: TOKENS.viewer,
      body: { outcome: 'approved' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'forbidden', role: 'approver' });
  });

  it('serves the health probes, the public config and the OpenAPI document without a token', async () => {
    for (const path of ['/healthz', '/readyz', '/api/v1/openapi.json'])
      expect((await call(gateway, path)).status).toBe(200);
    const config = await call(gateway, '/api/v1/config');
    expect(await config.json()).toMatchObject({ auth: ['token', 'oidc'], oidc: { issuer } });
  });
});

describe('OpenID Connect tokens', () => {
  it('accepts a token signed by the issuer for this audience, mapping its realm roles to swarm roles', async () => {
    const response = await call(gateway, '/api/v1/whoami', { token: await accessToken() });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      subject: 'ada@example.com',
      roles: ['viewer', 'approver'],
      via: 'oidc',
    });
  });

  it.each([
    ['another issuer', { iss: 'https://evil.example.com' }, /iss claim/],
    ['another audience', { aud: 'another-api' }, /aud claim/],
    ['a key the issuer does not publish', { key: 'other' }, /signature/],
    ['an expired token', { expiresIn: '-1m' }, /expired/],
  ])('refuses %s with 401', async (_what, claims, reason) => {
    const { key, ...rest } = claims as { key?: string };
    const token = await accessToken({ ...rest, ...(key ? { key: otherKey } : {}) });
    const response = await call(gateway, '/api/v1/whoami', { token });
    expect(response.status).toBe(401);
    expect((await response.json()) as { detail: string }).toMatchObject({
      detail: expect.stringMatching(reason),
    });
  });

  it('gives a token without a swarm role nothing: 403', async () => {
    const response = await call(gateway, '/api/v1/goals', {
      token: await accessToken({ roles: ['offline_access'] }),
    });
    expect(response.status).toBe(403);
  });
});

describe('limits', () => {
  it('refuses a body over GATEWAY_BODY_LIMIT_BYTES with 413 before reading it', async () => {
    const response = await call(gateway, '/api/v1/goals', {
      token: TOKENS.submitter,
      body: { text: 'x'.repeat(2_000) },
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'body-too-large' });
  });

  it('answers 429 with Retry-After once a token is over GATEWAY_RATE_LIMIT_PER_MINUTE, other tokens unaffected', async () => {
    const limited = await startTestGateway(nats.url, { GATEWAY_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await call(limited, '/api/v1/whoami', { token: TOKENS.viewer })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call(limited, '/api/v1/whoami', { token: TOKENS.viewer });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect((await call(limited, '/api/v1/whoami', { token: TOKENS.operator })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
