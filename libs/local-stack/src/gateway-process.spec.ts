import { gatewayEnv } from './gateway-process.js';

const endpoint = { host: '127.0.0.1', port: 8080, tokensFile: '/state/gateway-tokens.json' };

describe('gatewayEnv', () => {
  it("binds the gateway to the stack's NATS, loopback and its tokens file, keeping the user's settings", () => {
    expect(
      gatewayEnv(
        { PATH: '/bin', NATS_URL: 'nats://elsewhere:4222', GATEWAY_OIDC_ISSUER: 'https://id.example' },
        'nats://127.0.0.1:4222',
        endpoint,
      ),
    ).toEqual({
      PATH: '/bin',
      GATEWAY_OIDC_ISSUER: 'https://id.example',
      NATS_URL: 'nats://127.0.0.1:4222',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '8080',
      GATEWAY_PUBLIC_URL: 'http://127.0.0.1:8080',
      GATEWAY_TOKENS_FILE: '/state/gateway-tokens.json',
      SWARM_INSTANCE_ID: 'gateway-1',
    });
  });

  it('drops inline tokens and GATEWAY_AUTH, so only the printed login opens it', () => {
    const env = gatewayEnv(
      { GATEWAY_TOKENS: '[{"name":"x","token":"y","roles":["viewer"]}]', GATEWAY_AUTH: 'none' },
      'nats://127.0.0.1:4222',
      endpoint,
    );
    expect(Object.keys(env)).not.toContain('GATEWAY_TOKENS');
    expect(Object.keys(env)).not.toContain('GATEWAY_AUTH');
  });
});
