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

  it('refuses a heartbeat slower than the ack wait', () => {
    expect(() => parseTransportSettings({ ackWaitMs: 5_000, heartbeatMs: 6_000 })).toThrow(/heartbeatMs/);
  });
});
