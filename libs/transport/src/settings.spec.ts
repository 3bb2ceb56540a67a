import { InvalidSettingsError } from './errors.js';
import { parseTransportSettings, transportSettingsFromEnv } from './settings.js';

describe('transport settings', () => {
  it('documents defaults that keep heartbeats well inside the ack wait', () => {
    const settings = parseTransportSettings();
    expect(settings.heartbeatMs).toBeLessThan(settings.ackWaitMs);
    expect(settings).toMatchObject({ inFlight: 4, maxDeliver: 5, natsUrl: 'nats://127.0.0.1:4222' });
  });

  it('reads every setting from its environment variable', () => {
    const settings = transportSettingsFromEnv({
      NATS_URL: 'nats://a:4222,nats://b:4222',
      SWARM_IN_FLIGHT: '8',
      SWARM_BACKOFF_MS: '100, 200,400',
      SWARM_CONFIRM_ACKS: 'false',
    });
    expect(settings).toMatchObject({
      natsUrl: 'nats://a:4222,nats://b:4222',
      inFlight: 8,
      backoffMs: [100, 200, 400],
      confirmAcks: false,
    });
  });

  it('names the environment variable of a bad value', () => {
    expect(() => transportSettingsFromEnv({ SWARM_IN_FLIGHT: 'lots' })).toThrow(InvalidSettingsError);
    expect(() => transportSettingsFromEnv({ SWARM_IN_FLIGHT: 'lots' })).toThrow(/SWARM_IN_FLIGHT/);
  });

  it('reads the identity and tls settings from their variables', () => {
    const settings = transportSettingsFromEnv({
      NATS_URL: 'tls://nats:4222',
      NATS_CREDS_FILE: '/etc/nats/agent.creds',
      NATS_TLS_CA: '/etc/nats/ca.pem',
      NATS_TLS_CERT: '/etc/nats/agent.pem',
      NATS_TLS_KEY: '/etc/nats/agent.key',
      SWARM_REQUIRE_TLS: 'true',
      NATS_INBOX_PREFIX: '_INBOX_agent',
    });
    expect(settings).toMatchObject({
      natsCredsFile: '/etc/nats/agent.creds',
      natsTlsCa: '/etc/nats/ca.pem',
      natsTlsCert: '/etc/nats/agent.pem',
      natsTlsKey: '/etc/nats/agent.key',
      requireTls: true,
      natsInboxPrefix: '_INBOX_agent',
    });
  });

  it('defaults the reply prefix to the user, else to the nats.js default', () => {
    expect(transportSettingsFromEnv({ NATS_USER: 'scraper' }).natsInboxPrefix).toBe('_INBOX_scraper');
    expect(transportSettingsFromEnv({}).natsInboxPrefix).toBe('_INBOX');
    expect(parseTransportSettings().requireTls).toBe(false);
  });

  it('refuses a reply prefix with a wildcard or an empty token', () => {
    expect(() => transportSettingsFromEnv({ NATS_INBOX_PREFIX: '_INBOX.>' })).toThrow(/NATS_INBOX_PREFIX/);
    expect(() => transportSettingsFromEnv({ NATS_INBOX_PREFIX: '_INBOX.' })).toThrow(/NATS_INBOX_PREFIX/);
  });

  it('refuses a client certificate without its key, and a key without its certificate', () => {
    expect(() => transportSettingsFromEnv({ NATS_TLS_CERT: '/c.pem' })).toThrow(/NATS_TLS_CERT: .*key/);
    expect(() => transportSettingsFromEnv({ NATS_TLS_KEY: '/c.key' })).toThrow(/NATS_TLS_KEY/);
  });

  it('refuses plaintext to a remote server under SWARM_REQUIRE_TLS, naming the variable', () => {
    const env = { NATS_URL: 'nats://nats:4222', SWARM_REQUIRE_TLS: 'true' };
    expect(() => transportSettingsFromEnv(env)).toThrow(/SWARM_REQUIRE_TLS: plaintext .* refused \(nats\)/);
    expect(transportSettingsFromEnv({ ...env, NATS_URL: 'nats://127.0.0.1:4222' }).requireTls).toBe(true);
    expect(transportSettingsFromEnv({ ...env, NATS_URL: 'tls://nats:4222' }).requireTls).toBe(true);
  });

  it('refuses a heartbeat slower than the ack wait', () => {
    expect(() => parseTransportSettings({ ackWaitMs: 5_000, heartbeatMs: 6_000 })).toThrow(/heartbeatMs/);
  });
});
