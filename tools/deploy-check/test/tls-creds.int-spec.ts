import path from 'node:path';
import { startDocsServer } from '@swarm/corpus';
import type { DocsServer } from '@swarm/corpus';
import type { ConfiguredNatsServer } from '@swarm/testing';
import { freePort, startConfiguredNats, waitFor } from '@swarm/testing';
import type { OperatorJwts } from '@swarm/transport/testing';
import { generateOperatorJwts } from '@swarm/transport/testing';
import { AGENTS } from '../src/index.js';
import { containerEnv, imageCommand } from './image-env.js';
import type { Started } from './processes.js';
import { httpStatus, run, start, startSink, stopAll, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';
import type { TestPki } from './tls-files.js';
import { generateTestPki, tlsEnv } from './tls-files.js';

const SWARM_CLI = path.join(REPO_ROOT, 'tools/swarm-cli/bin/swarm.js');
const USERS = [...AGENTS, 'cli'];

/**
 * The production builds of the four agents and the CLI on a nats-server that requires mutual TLS (certificates
 * from deploy/tls/generate-certs.sh) and runs in operator mode (JWTs made by the test): every client logs in
 * with its own credentials file over tls://, with SWARM_REQUIRE_TLS on. Permissions are broad here; least
 * privilege is the permission suite's job.
 */
describe('a goal end to end over TLS with credentials files', () => {
  let pki: TestPki;
  let jwts: OperatorJwts;
  let nats: ConfiguredNatsServer;
  let docs: DocsServer;
  let sink: Awaited<ReturnType<typeof startSink>>;
  const agents: Started[] = [];
  /** Everything a client needs to reach this server as `user`: tls:// URL, creds file, certificates. */
  const secureEnv = (user: string) => ({
    NATS_URL: `tls://${nats.hostPort}`,
    NATS_CREDS_FILE: jwts.creds[user]!,
    ...tlsEnv(pki.client(user)),
    SWARM_REQUIRE_TLS: 'true',
    // The compose file's user and password do not apply in operator mode; the user still names the inbox.
    NATS_USER: user,
    NATS_PASSWORD: '',
  });
  const swarm = (env: Record<string, string>, ...args: string[]) =>
    run(process.execPath, [SWARM_CLI, ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'], SWARM_STATE_DIR: tempDir('cli'), ...env },
    });

  beforeAll(async () => {
    [pki, jwts] = await Promise.all([
      generateTestPki(USERS),
      generateOperatorJwts(tempDir('jwt'), {
        accounts: [{ name: 'SWARM', users: USERS.map((name) => ({ name })) }],
      }),
    ]);
    const server = pki.nats;
    [nats, docs, sink] = await Promise.all([
      startConfiguredNats({
        config: [
          jwts.serverConfig,
          'tls {',
          `  cert_file: ${JSON.stringify(server.cert)}`,
          `  key_file: ${JSON.stringify(server.key)}`,
          `  ca_file: ${JSON.stringify(server.ca)}`,
          '  verify: true',
          '}',
        ].join('\n'),
      }),
      startDocsServer({ host: '127.0.0.1', port: 0 }),
      startSink(),
    ]);
    for (const agent of AGENTS) {
      const healthPort = await freePort();
      const env = containerEnv(
        agent,
        {
          'http://jaeger:4318': sink.url,
          'http://docs:4815': docs.url,
          'docs:4815': `127.0.0.1:${docs.port}`,
        },
        { HEALTH_PORT: String(healthPort), ...secureEnv(agent) },
      );
      const { file, args } = imageCommand(agent);
      const process = start(file, args, { cwd: REPO_ROOT, env });
      agents.push(process);
      await waitFor(async () => (await httpStatus(`http://127.0.0.1:${healthPort}/readyz`)) === 200, {
        timeoutMs: 30_000,
        description: `${agent} ready over tls with its creds file`,
      }).catch((error: Error) => {
        throw new Error(`${error.message}; output:\n${process.lines.slice(-15).join('\n')}`);
      });
    }
  });

  afterAll(async () => {
    await stopAll();
    await Promise.all([docs?.close(), sink?.close(), nats?.stop()]);
  });

  it('delivers the goal, every client connected with its own credentials over TLS', async () => {
    const goal = await swarm(
      secureEnv('cli'),
      'goal',
      'find top 3 agentic AI tools',
      '--wait',
      '--timeout',
      '45000',
    );
    expect(goal.output).toMatch(/goal delivered: Top 3 of \d+ candidates/);
    expect(goal.code).toBe(0);

    const connz = (await (await fetch(`${nats.monitorUrl}/connz?auth=true`)).json()) as Connz;
    const agentConnections = connz.connections.filter((c) =>
      /^(search|scraper|ranker|communications)/.test(c.name ?? ''),
    );
    expect(agentConnections.length).toBeGreaterThanOrEqual(AGENTS.length);
    expect(agentConnections.every((c) => c.tls_version !== undefined && c.tls_version !== '')).toBe(true);
    expect(nats.log.filter((line) => /violation/i.test(line))).toEqual([]);
  }, 90_000);

  it('refuses the CLI without its client certificate, and with plaintext to a remote server under SWARM_REQUIRE_TLS', async () => {
    const withoutCert = {
      ...secureEnv('cli'),
      NATS_TLS_CERT: '',
      NATS_TLS_KEY: '',
      NATS_CONNECT_TIMEOUT_MS: '2000',
    };
    const noCert = await swarm(withoutCert, 'dlq', 'list');
    expect(noCert.code).toBe(3);
    expect(noCert.output).toMatch(/NATS_TLS_CERT/);

    const remotePlaintext = await swarm(
      {
        ...secureEnv('cli'),
        NATS_URL: 'nats://nats.example.invalid:4222',
        NATS_TLS_CA: '',
        NATS_TLS_CERT: '',
        NATS_TLS_KEY: '',
      },
      'dlq',
      'list',
    );
    expect(remotePlaintext.code).not.toBe(0);
    expect(remotePlaintext.output).toMatch(
      /SWARM_REQUIRE_TLS: plaintext to a non-loopback nats server is refused/,
    );
  });
});

/** The parts of nats-server's /connz the test reads. */
interface Connz {
  readonly connections: readonly { readonly name?: string; readonly tls_version?: string }[];
}
