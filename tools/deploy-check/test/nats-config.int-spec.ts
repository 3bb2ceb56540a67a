import path from 'node:path';
import { startDocsServer } from '@swarm/corpus';
import type { DocsServer } from '@swarm/corpus';
import { freePort, waitFor } from '@swarm/testing';
import { AGENTS } from '../src/index.js';
import { containerEnv, imageCommand } from './image-env.js';
import type { LocalNats } from './nats-server.js';
import { NATS_DIR, passwordOf, PASSWORDS, startShippedNats } from './nats-server.js';
import type { Started } from './processes.js';
import { httpStatus, run, start, startSink, stopAll, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';

const SWARM_CLI = path.join(REPO_ROOT, 'tools/swarm-cli/bin/swarm.js');
const violations = (nats: LocalNats) => nats.server.lines.filter((line) => /violation/i.test(line));

afterAll(stopAll);

describe('nats-server -t', () => {
  it.each(['nats.conf', 'nats-cluster.conf'])('accepts deploy/nats/%s', async (name) => {
    const result = await run('nats-server', ['-c', path.join(NATS_DIR, name), '-t'], {
      cwd: NATS_DIR,
      env: { PATH: process.env['PATH'], ...PASSWORDS, POD_NAME: 'nats-0' },
    });
    expect(result.output).toContain('is valid');
    expect(result.code).toBe(0);
  });

  it('refuses to start while a user password is missing from the environment', async () => {
    const { NATS_PASSWORD_CLI: _missing, ...rest } = PASSWORDS;
    const result = await run('nats-server', ['-c', path.join(NATS_DIR, 'nats.conf'), '-t'], {
      cwd: NATS_DIR,
      env: { PATH: process.env['PATH'], ...rest },
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('NATS_PASSWORD_CLI');
  });
});

describe('deploy/nats/nats.conf with one user per service', () => {
  let nats: LocalNats;
  let docs: DocsServer;
  let sink: Awaited<ReturnType<typeof startSink>>;
  const agents: Started[] = [];
  const cliEnv = (user: string) => ({
    PATH: process.env['PATH'],
    NATS_URL: nats.clientUrl,
    NATS_USER: user,
    NATS_PASSWORD: passwordOf(user),
    SWARM_STATE_DIR: tempDir('cli'),
  });
  const swarm = (user: string, ...args: string[]) =>
    run(process.execPath, [SWARM_CLI, ...args], { cwd: REPO_ROOT, env: cliEnv(user) });

  beforeAll(async () => {
    [nats, docs, sink] = await Promise.all([
      startShippedNats('nats.conf'),
      startDocsServer({ host: '127.0.0.1', port: 0 }),
      startSink(),
    ]);
    for (const agent of AGENTS) {
      const healthPort = await freePort();
      const env = containerEnv(
        agent,
        {
          'nats://nats:4222': nats.clientUrl,
          'http://jaeger:4318': sink.url,
          'http://docs:4815': docs.url,
          'docs:4815': `127.0.0.1:${docs.port}`,
        },
        { HEALTH_PORT: String(healthPort), NATS_PASSWORD: passwordOf(agent) },
      );
      const { file, args } = imageCommand(agent);
      const process = start(file, args, { cwd: REPO_ROOT, env });
      agents.push(process);
      await waitFor(async () => (await httpStatus(`http://127.0.0.1:${healthPort}/readyz`)) === 200, {
        timeoutMs: 30_000,
        description: `${agent} ready as NATS user ${agent}`,
      }).catch((error: Error) => {
        throw new Error(`${error.message}; output:\n${process.lines.slice(-15).join('\n')}`);
      });
    }
  });

  afterAll(async () => {
    await stopAll();
    await Promise.all([docs?.close(), sink?.close()]);
  });

  it('lets each agent and the CLI do their whole job: a goal runs to its report without a permission violation', async () => {
    const goal = await swarm('cli', 'goal', 'find top 3 agentic AI tools', '--wait', '--timeout', '60000');
    expect(goal.output).toMatch(/goal delivered: Top 3 of \d+ candidates/);
    expect(goal.code).toBe(0);
    const goalId = /goal (g-\S+) submitted/.exec(goal.output)?.[1] ?? '';
    expect((await swarm('cli', 'inspect', goalId)).code).toBe(0);
    expect((await swarm('cli', 'dlq', 'list')).code).toBe(0);
    expect(violations(nats)).toEqual([]);
  });

  it('refuses a goal submitted with an agent credential', async () => {
    const forged = await swarm('search', 'goal', 'find top 3 agentic AI tools');
    expect(forged.code).not.toBe(0);
    expect(violations(nats).join('\n')).toMatch(
      /Publish Violation - User "search", Subject "swarm\.evt\.\S+\.goal\.submitted"/,
    );
  });

  it('refuses a connection with a wrong password', async () => {
    const denied = await run(process.execPath, [SWARM_CLI, 'dlq', 'list'], {
      cwd: REPO_ROOT,
      env: { ...cliEnv('cli'), NATS_PASSWORD: 'not-the-password' },
    });
    expect(denied.code).toBe(3);
    expect(denied.output).toMatch(/Authorization Violation/);
  });

  it('lets every agent drain and exit 0 on SIGTERM', async () => {
    expect(await Promise.all(agents.map((agent) => agent.stop('SIGTERM')))).toEqual(AGENTS.map(() => 0));
  });
});

describe('deploy/nats/nats-cluster.conf', () => {
  it('forms a 3-node JetStream cluster on which an agent provisions 3-replica streams', async () => {
    const nodes = await Promise.all(
      [0, 1, 2].map(async () => ({
        client: await freePort(),
        monitor: await freePort(),
        cluster: await freePort(),
      })),
    );
    const dir = tempDir('cluster');
    const cluster = await Promise.all(
      nodes.map((node, i) =>
        startShippedNats(
          'nats-cluster.conf',
          {
            clientPort: node.client,
            monitorPort: node.monitor,
            clusterPort: node.cluster,
            routes: nodes.map((peer) => `nats://127.0.0.1:${peer.cluster}`),
            pidFile: path.join(dir, `nats-${i}.pid`),
            env: { POD_NAME: `nats-${i}` },
          },
          { waitHealthy: false },
        ),
      ),
    );
    const jsz = async (node: LocalNats, query: string) =>
      (await (await fetch(`${node.monitorUrl}/jsz?${query}`)).json()) as JszResponse;
    await waitFor(
      async () => {
        const views = await Promise.all(cluster.map((node) => jsz(node, '').catch(() => undefined)));
        return views.every((view) => view?.meta_cluster?.cluster_size === 3 && view.meta_cluster.leader);
      },
      { timeoutMs: 60_000, intervalMs: 250, description: 'a JetStream meta leader over 3 nodes' },
    );
    const names = await Promise.all(
      cluster.map(
        async (node) =>
          ((await (await fetch(`${node.monitorUrl}/varz`)).json()) as { server_name: string }).server_name,
      ),
    );
    expect(names).toEqual(['nats-0', 'nats-1', 'nats-2']);

    const healthPort = await freePort();
    const env = containerEnv(
      'ranker',
      { 'nats://nats:4222': cluster.map((node) => node.clientUrl).join(',') },
      {
        HEALTH_PORT: String(healthPort),
        NATS_PASSWORD: passwordOf('ranker'),
        SWARM_STREAM_REPLICAS: '3',
      },
    );
    const { file, args } = imageCommand('ranker');
    const ranker = start(file, args, { cwd: REPO_ROOT, env });
    await waitFor(async () => (await httpStatus(`http://127.0.0.1:${healthPort}/readyz`)) === 200, {
      timeoutMs: 60_000,
      description: 'ranker ready on the cluster',
    }).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${ranker.lines.slice(-15).join('\n')}`);
    });
    const streams =
      (await jsz(cluster[0]!, 'accounts=true&streams=true&config=true')).account_details?.flatMap(
        (a) => a.stream_detail ?? [],
      ) ?? [];
    expect(streams.find((stream) => stream.name === 'TASKS_RANK')?.config?.num_replicas).toBe(3);
    expect(await ranker.stop('SIGTERM')).toBe(0);
    expect(cluster.flatMap(violations)).toEqual([]);
  });
});

/** The parts of nats-server's /jsz the cluster test reads. */
interface JszResponse {
  readonly meta_cluster?: { readonly cluster_size?: number; readonly leader?: string };
  readonly account_details?: readonly {
    readonly stream_detail?: readonly {
      readonly name: string;
      readonly config?: { readonly num_replicas?: number };
    }[];
  }[];
}
