import type { ConfiguredNatsServer, NatsServerHandle, TestPki } from '@swarm/testing';
import { generatePki, startConfiguredNats, startNats } from '@swarm/testing';
import { InvalidSettingsError, parseTransportSettings, swarmTopology, SwarmClient } from '../src/index.js';
import { EXPECTED_ROUND_TRIP, removeTempDirs, roundTrip, serverTlsBlock, tempDir } from './secure-bus.js';

let pki: TestPki;
let nats: ConfiguredNatsServer;

beforeAll(async () => {
  pki = await generatePki(tempDir('tls'), { clientNames: ['agent'] });
  nats = await startConfiguredNats({
    config: serverTlsBlock(pki),
  });
});

afterAll(async () => {
  await nats?.stop();
  removeTempDirs();
});

const agentTls = () => ({
  natsTlsCa: pki.ca,
  natsTlsCert: pki.clients['agent']!.cert,
  natsTlsKey: pki.clients['agent']!.key,
});
const connect = (settings: Parameters<typeof parseTransportSettings>[0]) =>
  SwarmClient.connect(parseTransportSettings(settings), swarmTopology());

describe('mutual TLS', () => {
  it('round-trips a JetStream publish, a KV key and an artifact with the CA and a client certificate', async () => {
    const trip = await roundTrip({ natsUrl: `tls://${nats.hostPort}`, requireTls: true, ...agentTls() });
    expect(trip).toEqual(EXPECTED_ROUND_TRIP);
  });

  it('uses TLS for a nats:// url too once the tls files are set', async () => {
    const trip = await roundTrip({ natsUrl: `nats://localhost:${nats.port}`, ...agentTls() });
    expect(trip).toEqual(EXPECTED_ROUND_TRIP);
  });

  it('is refused without a client certificate, with a hint at the missing certificate', async () => {
    // Over TLS 1.3 the server drops the connection after the handshake and the client sees a timeout.
    const attempt = connect({
      natsUrl: `tls://${nats.hostPort}`,
      natsTlsCa: pki.ca,
      connectTimeoutMs: 2_000,
    });
    await expect(attempt).rejects.toThrow(
      /^(tls handshake failed with|cannot reach) nats at tls:\/\/127\.0\.0\.1:\d+: /,
    );
    await expect(attempt).rejects.toThrow(/certificate/);
    expect(nats.log.join('\n')).toMatch(/TLS handshake error: tls: client didn't provide a certificate/);
  });

  it('fails the handshake, saying so, when the client does not trust the server certificate', async () => {
    await expect(connect({ natsUrl: nats.url })).rejects.toThrow(
      /^tls handshake failed with nats at nats:\/\/127\.0\.0\.1:\d+: .*certificate/i,
    );
  });

  it('names the variable of a tls file that cannot be read', async () => {
    const missing = { ...agentTls(), natsTlsKey: `${pki.ca}.missing` };
    const attempt = connect({ natsUrl: `tls://${nats.hostPort}`, ...missing });
    await expect(attempt).rejects.toThrow(InvalidSettingsError);
    await expect(attempt).rejects.toThrow(/^NATS_TLS_KEY: cannot read ".*\.missing" \(ENOENT\)$/);
  });
});

describe('a tls:// url', () => {
  let plain: NatsServerHandle;
  beforeAll(async () => {
    plain = await startNats({ forceSpawn: true });
  });
  afterAll(async () => {
    await plain?.stop();
  });

  it('refuses a server that offers no TLS instead of talking plaintext to it', async () => {
    await expect(connect({ natsUrl: `tls://127.0.0.1:${plain.port}` })).rejects.toThrow(
      /^tls handshake failed with nats at tls:\/\/127\.0\.0\.1:\d+: server does not support 'tls'/,
    );
  });
});
