import { loadGatewayConfig } from './config.js';
import { GatewayConfigError } from './errors.js';

const TOKENS = JSON.stringify([{ name: 'laptop', token: 'laptop-token-0123456789', roles: ['operator'] }]);

describe('loadGatewayConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadGatewayConfig({ GATEWAY_TOKENS: TOKENS });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      publicUrl: 'http://localhost:8080',
      bodyLimitBytes: 65_536,
      rateLimitPerMinute: 120,
      sseHeartbeatMs: 15_000,
      pageSizeMax: 100,
      mcpWaitMaxSeconds: 60,
      mcpRecentEvents: 10,
      agentsEventsMax: 10_000,
      provision: false,
      oidc: undefined,
    });
    expect(config.consoleDir).toMatch(/console$/);
  });

  it('takes the MCP limits from GATEWAY_MCP_WAIT_MAX_SECONDS and GATEWAY_MCP_RECENT_EVENTS', () => {
    const config = loadGatewayConfig({
      GATEWAY_TOKENS: TOKENS,
      GATEWAY_MCP_WAIT_MAX_SECONDS: '25',
      GATEWAY_MCP_RECENT_EVENTS: '3',
    });
    expect([config.mcpWaitMaxSeconds, config.mcpRecentEvents]).toEqual([25, 3]);
    expect(() => loadGatewayConfig({ GATEWAY_TOKENS: TOKENS, GATEWAY_MCP_WAIT_MAX_SECONDS: '0' })).toThrow(
      /GATEWAY_MCP_WAIT_MAX_SECONDS/,
    );
  });

  it('refuses to start without a token source: never an open door', () => {
    expect(() => loadGatewayConfig({})).toThrow(GatewayConfigError);
    expect(() => loadGatewayConfig({})).toThrow(/no token source/);
  });

  it('runs without auth only when told so, and only on loopback', () => {
    expect(loadGatewayConfig({ GATEWAY_AUTH: 'none', GATEWAY_HOST: '127.0.0.1' }).auth).toBe('none');
    expect(() => loadGatewayConfig({ GATEWAY_AUTH: 'none' })).toThrow(/loopback/);
  });

  it('names each bad variable', () => {
    expect(() =>
      loadGatewayConfig({ GATEWAY_TOKENS: TOKENS, GATEWAY_PORT: 'x', GATEWAY_RATE_LIMIT_PER_MINUTE: '0' }),
    ).toThrow(/GATEWAY_PORT.*GATEWAY_RATE_LIMIT_PER_MINUTE/);
    expect(() => loadGatewayConfig({ GATEWAY_TOKENS: '[{"name":"x","roles":["root"]}]' })).toThrow(
      /GATEWAY_TOKENS/,
    );
    expect(() =>
      loadGatewayConfig({ GATEWAY_TOKENS: TOKENS, GATEWAY_OIDC_ISSUER: 'https://id.example.com' }),
    ).toThrow(/GATEWAY_OIDC_AUDIENCE/);
  });

  it('takes an OpenID Connect issuer and audience as a token source', () => {
    const config = loadGatewayConfig({
      GATEWAY_OIDC_ISSUER: 'https://id.example.com/realms/swarm',
      GATEWAY_OIDC_AUDIENCE: 'swarm-gateway',
      GATEWAY_OIDC_ROLE_MAP: '{"swarm-admin":["operator","approver"]}',
    });
    expect(config.oidc).toMatchObject({
      rolesClaim: 'roles',
      subjectClaim: 'sub',
      roleMap: { 'swarm-admin': ['operator', 'approver'] },
    });
  });
});
