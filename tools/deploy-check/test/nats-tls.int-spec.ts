import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, waitFor } from '@swarm/testing';
import { NATS_TLS_DIR, parseCompose } from '../src/index.js';
import { containerEnv, imageCommand } from './image-env.js';
import type { Jsz, LocalClusterNode } from './nats-server.js';
import { monitor, passwordOf, startShippedCluster, startShippedNats } from './nats-server.js';
import type { Started } from './processes.js';
import { httpStatus, start, stopAll, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';
import type { TestPki, TlsFiles } from './tls-files.js';
import { generateTestPki, tlsEnv } from './tls-files.js';
import { connectWire } from './wire-client.js';

/** Node refusals of a route peer: a failed TLS handshake (no or a foreign certificate) or a failed route check. */
const ROUTE_REFUSAL =
  /TLS route handshake error|Router connection closed: TLS Handshake Failure|authentication error/;
/** The NATS accounts of the shipped tenants (deploy/nats/access.json): a rogue mirrors them to read their traffic. */
const ACCOUNTS = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'deploy/nats/access.json'), 'utf8')) as {
    tenants: { account: string }[];
  }
).tenants.map((tenant) => tenant.account);

let pki: TestPki;
let foreign: TestPki;
let cluster: LocalClusterNode[];

beforeAll(async () => {
  [pki, foreign] = await Promise.all([
    generateTestPki(['ranker', 'cli', 'scraper']),
    generateTestPki(['cli']),
  ]);
  cluster = await startShippedCluster(pki.nats);
}, 120_000);

afterAll(stopAll);

/** Starts an agent's production build with `env`; resolves once its /readyz answers 200. */
async function startAgent(agent: string, env: NodeJS.ProcessEnv, healthPort: number): Promise<Started> {
  const { file, args } = imageCommand(agent);
  const started = start(file, args, { cwd: REPO_ROOT, env });
  await waitFor(async () => (await httpStatus(`http://127.0.0.1:${healthPort}/readyz`)) === 200, {
    timeoutMs: 60_000,
    description: `${agent} ready over TLS`,
  }).catch((error: Error) => {
    throw new Error(`${error.message}; output:\n${started.lines.slice(-15).join('\n')}`);
  });
  return started;
}

describe('deploy/nats/nats-tls.conf with docker-compose.tls.yml', () => {
  const override = parseCompose(readFileSync(path.join(REPO_ROOT, 'docker-compose.tls.yml'), 'utf8'));

  it("runs an agent with the override's TLS settings and its own certificate, and refuses a client without one", async () => {
    const nats = await startShippedNats('nats-tls.conf', { tlsDir: pki.nats.dir });
    const healthPort = await freePort();
    const tlsSettings = Object.fromEntries(
      Object.entries(override.services['ranker']?.environment ?? {}).map(([key, value]) => [
        key,
        value
          .replace('nats:4222', `127.0.0.1:${nats.clientPort}`)
          .replace(NATS_TLS_DIR, pki.client('ranker').dir),
      ]),
    );
    expect(tlsSettings['NATS_URL']).toBe(`tls://127.0.0.1:${nats.clientPort}`);
    const env = containerEnv(
      'ranker',
      {},
      {
        ...tlsSettings,
        HEALTH_PORT: String(healthPort),
        NATS_PASSWORD: passwordOf('ranker'),
      },
    );
    const ranker = await startAgent('ranker', env, healthPort);
    const login = { port: nats.clientPort, user: 'cli', pass: passwordOf('cli') };
    await expect(connectWire({ ...login, tls: { ca: pki.nats.ca } })).rejects.toThrow();
    await waitFor(() => nats.server.lines.some((line) => /TLS handshake error: .*certificate/.test(line)), {
      description: 'nats-server logging the refused handshake',
    });
    expect(await ranker.stop('SIGTERM')).toBe(0);
    expect(nats.server.lines.filter((line) => /violation/i.test(line))).toEqual([]);
    await nats.server.stop();
  });
});

describe('deploy/nats/nats-cluster.conf', () => {
  it('forms a 3-node JetStream cluster over TLS routes on which an agent with a client certificate provisions 3-replica streams', async () => {
    const names = await Promise.all(
      cluster.map(async (node) => (await monitor<Varz>(node, 'varz')).server_name),
    );
    expect(names).toEqual(['nats-0', 'nats-1', 'nats-2']);
    for (const node of cluster) expect((await monitor<Routez>(node, 'routez')).num_routes).toBe(2);

    const healthPort = await freePort();
    const env = containerEnv(
      'ranker',
      { 'nats://nats:4222': cluster.map((node) => `tls://127.0.0.1:${node.clientPort}`).join(',') },
      {
        HEALTH_PORT: String(healthPort),
        NATS_PASSWORD: passwordOf('ranker'),
        SWARM_STREAM_REPLICAS: '3',
        SWARM_REQUIRE_TLS: 'true',
        ...tlsEnv(pki.client('ranker')),
      },
    );
    const ranker = await startAgent('ranker', env, healthPort);
    const jsz = await monitor<Jsz>(cluster[0]!, 'jsz?accounts=true&streams=true&config=true');
    const streams = jsz.account_details?.flatMap((account) => account.stream_detail ?? []) ?? [];
    expect(streams.find((stream) => stream.name === 'TASKS_RANK')?.config?.num_replicas).toBe(3);
    expect(await ranker.stop('SIGTERM')).toBe(0);
    expect(cluster.flatMap((node) => node.server.lines.filter((line) => /violation/i.test(line)))).toEqual(
      [],
    );
  });

  it('refuses a client with the right password but no certificate, and one in plaintext', async () => {
    const node = cluster[0]!;
    const seen = node.server.lines.length;
    const login = { port: node.clientPort, user: 'cli', pass: passwordOf('cli') };
    await expect(connectWire({ ...login, tls: { ca: pki.nats.ca } })).rejects.toThrow();
    await expect(connectWire(login)).rejects.toThrow();
    const refused = () => node.server.lines.slice(seen).filter((line) => /TLS handshake error/.test(line));
    await waitFor(() => refused().length === 2, { description: 'nats-0 logging both refused handshakes' });
    expect(refused()).toEqual([expect.stringMatching(/certificate/), expect.stringMatching(/TLS handshake/)]);
    const admitted = await connectWire({ ...login, tls: pki.client('cli') });
    await admitted.flush();
    admitted.close();
  });
});

describe('a rogue nats-server routing to the shipped cluster', () => {
  it.each([
    { name: 'no certificate', tls: () => undefined },
    { name: 'a certificate of another CA', tls: () => ({ ...foreign.nats, ca: pki.nats.ca }) },
    { name: "an agent's client certificate of the cluster CA", tls: () => pki.client('scraper') },
  ])('is refused with $name: never listed as a route, it reads nothing', async ({ tls }) => {
    const target = cluster[0]!;
    const seen = target.server.lines.length;
    const refusals = () => target.server.lines.slice(seen).filter((line) => ROUTE_REFUSAL.test(line)).length;
    const rogue = await startRogue(target, tls());
    await waitFor(() => refusals() > 0, {
      timeoutMs: 30_000,
      description: 'nats-0 refusing the rogue route',
    });

    const spy = await connectWire({ port: rogue.clientPort, user: 'spy', pass: 'spy' });
    spy.subscribe('>');
    await spy.flush();
    await publishProbe(target);
    // The rogue retries its route every second: one more refusal after the probe means it stayed out while the
    // probe was delivered.
    const before = refusals();
    await waitFor(() => refusals() > before, { timeoutMs: 30_000, description: 'the rogue refused again' });

    expect(spy.messages).toEqual([]);
    const rogueId = (await monitor<Varz>(rogue, 'varz')).server_id;
    for (const node of cluster) {
      const routes = await monitor<Routez>(node, 'routez');
      expect(routes.routes.map((route) => route.remote_id)).not.toContain(rogueId);
      expect(routes.num_routes).toBe(2);
    }
    expect((await monitor<Routez>(rogue, 'routez')).num_routes).toBe(0);
    spy.close();
    await rogue.server.stop();
  });

  it('joins and reads the traffic with the cluster certificate itself (the probe above can see a rogue)', async () => {
    const target = cluster[0]!;
    const rogue = await startRogue(target, pki.nats);
    const rogueId = (await waitFor(() => monitor<Varz>(rogue, 'varz'))).server_id;
    await waitFor(
      async () =>
        (await monitor<Routez>(target, 'routez')).routes.some((route) => route.remote_id === rogueId),
      { timeoutMs: 30_000, description: 'nats-0 listing the rogue as a route' },
    );
    const spy = await connectWire({ port: rogue.clientPort, user: 'spy', pass: 'spy' });
    spy.subscribe('>');
    await spy.flush();
    await waitFor(
      async () => {
        await publishProbe(target);
        return spy.messages.some((message) => message.payload === 'probe');
      },
      { timeoutMs: 30_000, intervalMs: 250, description: 'the rogue reading a message published on nats-0' },
    );
    spy.close();
    await rogue.server.stop();
  });
});

/** A nats-server an attacker runs: its own users in the shipped account names, a route to `target`. */
async function startRogue(
  target: LocalClusterNode,
  tls: TlsFiles | undefined,
): Promise<{ server: Started; clientPort: number; monitorUrl: string }> {
  const [clientPort, monitorPort, clusterPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const dir = tempDir('rogue');
  const accounts = ACCOUNTS.map((account) => `  ${account}: { users: [{ user: spy, password: spy }] }`);
  const routeTls = tls
    ? `  tls { cert_file: "${tls.cert}", key_file: "${tls.key}", ca_file: "${tls.ca}" }\n`
    : '';
  const config =
    `server_name: rogue\nlisten: 127.0.0.1:${clientPort}\nhttp: 127.0.0.1:${monitorPort}\n` +
    `accounts {\n${accounts.join('\n')}\n}\n` +
    `cluster {\n  name: swarm\n  listen: 127.0.0.1:${clusterPort}\n` +
    `  routes: [nats://localhost:${target.clusterPort}]\n${routeTls}}\n`;
  writeFileSync(path.join(dir, 'rogue.conf'), config);
  const server = start('nats-server', ['-c', path.join(dir, 'rogue.conf')], {
    cwd: dir,
    env: { PATH: process.env['PATH'] },
  });
  const monitorUrl = `http://127.0.0.1:${monitorPort}`;
  await waitFor(async () => (await httpStatus(`${monitorUrl}/healthz`)) === 200, {
    description: 'the rogue nats-server up',
  });
  return { server, clientPort, monitorUrl };
}

/** Publishes `probe` on a node as the cli user (TLS, its client certificate) and waits until it was processed. */
async function publishProbe(node: LocalClusterNode): Promise<void> {
  const cli = await connectWire({
    port: node.clientPort,
    user: 'cli',
    pass: passwordOf('cli'),
    tls: pki.client('cli'),
  });
  cli.publish('swarm.evt.g-rogue-probe.goal.submitted', 'probe');
  await cli.flush();
  cli.close();
}

interface Varz {
  readonly server_id: string;
  readonly server_name: string;
}
interface Routez {
  readonly num_routes: number;
  readonly routes: readonly { readonly remote_id: string }[];
}
