import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfiguredNatsServer, TestPki } from '@swarm/testing';
import { generatePki, startConfiguredNats } from '@swarm/testing';
import { InvalidSettingsError, parseTransportSettings, swarmTopology, SwarmClient } from '../src/index.js';
import type { OperatorJwts } from '../src/testing/index.js';
import { generateOperatorJwts } from '../src/testing/index.js';
import { EXPECTED_ROUND_TRIP, removeTempDirs, roundTrip, serverTlsBlock, tempDir } from './secure-bus.js';

let jwts: OperatorJwts;
let rogue: OperatorJwts;
let nats: ConfiguredNatsServer;

beforeAll(async () => {
  jwts = await generateOperatorJwts(tempDir('jwt'), {
    accounts: [{ name: 'SWARM', users: [{ name: 'agent' }] }],
  });
  // The same user name issued by another operator: a credential this server has never trusted.
  rogue = await generateOperatorJwts(tempDir('rogue'), {
    accounts: [{ name: 'SWARM', users: [{ name: 'agent' }] }],
  });
  nats = await startConfiguredNats({ config: jwts.serverConfig });
});

afterAll(async () => {
  await nats?.stop();
  removeTempDirs();
});

const connect = (settings: Parameters<typeof parseTransportSettings>[0]) =>
  SwarmClient.connect(parseTransportSettings(settings), swarmTopology());

describe('credentials-file login (operator mode)', () => {
  it('logs in with NATS_CREDS_FILE and uses JetStream, KV and the object store', async () => {
    const trip = await roundTrip({ natsUrl: nats.url, natsCredsFile: jwts.creds['agent']! });
    expect(trip).toEqual(EXPECTED_ROUND_TRIP);
  });

  it('refuses credentials signed by another operator, surfacing the authorization violation', async () => {
    await expect(connect({ natsUrl: nats.url, natsCredsFile: rogue.creds['agent']! })).rejects.toThrow(
      /^nats at nats:\/\/127\.0\.0\.1:\d+ refused the credentials: .*Authorization Violation/i,
    );
  });

  it('refuses a connection with no credentials at all', async () => {
    await expect(connect({ natsUrl: nats.url })).rejects.toThrow(/refused the credentials/);
  });

  it('names NATS_CREDS_FILE when the file is missing or not a credentials file, never printing its content', async () => {
    const missing = path.join(tempDir('creds'), 'absent.creds');
    await expect(connect({ natsUrl: nats.url, natsCredsFile: missing })).rejects.toThrow(
      /^NATS_CREDS_FILE: cannot read ".*absent\.creds" \(ENOENT\)$/,
    );
    const garbled = path.join(tempDir('creds'), 'garbled.creds');
    writeFileSync(garbled, 'SUAM-secret-seed-material-that-must-not-leak\n');
    const attempt = connect({ natsUrl: nats.url, natsCredsFile: garbled });
    await expect(attempt).rejects.toThrow(InvalidSettingsError);
    await expect(attempt).rejects.toThrow(
      /^NATS_CREDS_FILE: ".*garbled\.creds" is not a nats credentials file/,
    );
    await expect(attempt).rejects.not.toThrow(/secret-seed/);
  });
});

describe('TLS and a credentials file together', () => {
  let pki: TestPki;
  let secure: ConfiguredNatsServer;

  beforeAll(async () => {
    pki = await generatePki(tempDir('pki'), { clientNames: ['agent'] });
    secure = await startConfiguredNats({
      config: [jwts.serverConfig, serverTlsBlock(pki)].join('\n'),
    });
  });

  afterAll(async () => {
    await secure?.stop();
  });

  const tls = () => ({
    natsUrl: `tls://${secure.hostPort}`,
    natsTlsCa: pki.ca,
    natsTlsCert: pki.clients['agent']!.cert,
    natsTlsKey: pki.clients['agent']!.key,
    requireTls: true,
  });

  it('round-trips with the client certificate and the creds file', async () => {
    const trip = await roundTrip({ ...tls(), natsCredsFile: jwts.creds['agent']! });
    expect(trip).toEqual(EXPECTED_ROUND_TRIP);
  });

  it('still refuses foreign credentials over a valid TLS connection', async () => {
    await expect(connect({ ...tls(), natsCredsFile: rogue.creds['agent']! })).rejects.toThrow(
      /refused the credentials: .*Authorization Violation/i,
    );
  });
});
