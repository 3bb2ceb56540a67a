import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AGENTS, NATS_TLS_DIR, placeTlsFiles } from '../src/index.js';
import { NATS_DIR, PASSWORDS } from './nats-server.js';
import { run, stopAll, tempDir } from './processes.js';
import type { ShippedSwarm } from './shipped-swarm.js';
import { startShippedSwarm } from './shipped-swarm.js';
import { REPO_ROOT } from './render.js';
import type { TestPki } from './tls-files.js';
import { generateTestPki } from './tls-files.js';

const SWARM_CLI = path.join(REPO_ROOT, 'tools/swarm-cli/bin/swarm.js');

afterAll(stopAll);

describe('nats-server -t', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await generateTestPki([]);
  });
  /** A shipped config in a temp dir with its auth.conf, reading the test certificates when it reads any. */
  const placed = (name: string, tlsDir: string | undefined) => {
    const dir = tempDir('check');
    const config = readFileSync(path.join(NATS_DIR, name), 'utf8');
    const reads = config.includes(NATS_TLS_DIR);
    writeFileSync(path.join(dir, name), reads && tlsDir ? placeTlsFiles(config, tlsDir) : config);
    copyFileSync(path.join(NATS_DIR, 'auth.conf'), path.join(dir, 'auth.conf'));
    return { file: path.join(dir, name), dir, reads };
  };
  const check = ({ file, dir }: { file: string; dir: string }) =>
    run('nats-server', ['-c', file, '-t'], {
      cwd: dir,
      env: { PATH: process.env['PATH'], ...PASSWORDS, POD_NAME: 'nats-0' },
    });

  it.each(['nats.conf', 'nats-tls.conf', 'nats-cluster.conf'])(
    'accepts deploy/nats/%s with the test certificates in place',
    async (name) => {
      const result = await check(placed(name, pki.nats.dir));
      expect(result.output).toContain('is valid');
      expect(result.code).toBe(0);
    },
  );

  it.each(['nats-tls.conf', 'nats-cluster.conf'])(
    'refuses deploy/nats/%s while its certificate files are missing',
    async (name) => {
      const config = placed(name, path.join(tempDir('empty'), 'tls'));
      expect(config.reads).toBe(true);
      const result = await check(config);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/tls\.crt|tls\.key|ca\.crt/);
    },
  );

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
  let shipped: ShippedSwarm;
  const swarm = (user: string, ...args: string[]) => shipped.swarm(user, ...args);
  const violations = () => shipped.violations();

  beforeAll(async () => {
    shipped = await startShippedSwarm();
  });

  afterAll(async () => {
    await stopAll();
    await shipped?.close();
  });

  it('lets each agent and the CLI do their whole job: a goal runs to its report without a permission violation', async () => {
    const goal = await swarm('cli', 'goal', 'find top 3 agentic AI tools', '--wait', '--timeout', '60000');
    expect(goal.output).toMatch(/goal delivered: Top 3 of \d+ candidates/);
    expect(goal.code).toBe(0);
    const goalId = /goal (g-\S+) submitted/.exec(goal.output)?.[1] ?? '';
    expect((await swarm('cli', 'inspect', goalId)).code).toBe(0);
    expect((await swarm('cli', 'dlq', 'list')).code).toBe(0);
    expect(violations()).toEqual([]);
  });

  it('refuses a goal submitted with an agent credential', async () => {
    const forged = await swarm('search', 'goal', 'find top 3 agentic AI tools');
    expect(forged.code).not.toBe(0);
    expect(violations().join('\n')).toMatch(
      /Publish Violation - User "search", Subject "swarm\.evt\.\S+\.goal\.submitted"/,
    );
  });

  it('refuses a connection with a wrong password', async () => {
    const denied = await run(process.execPath, [SWARM_CLI, 'dlq', 'list'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env['PATH'],
        NATS_URL: shipped.nats.clientUrl,
        NATS_USER: 'cli',
        NATS_PASSWORD: 'not-the-password',
      },
    });
    expect(denied.code).toBe(3);
    expect(denied.output).toMatch(/Authorization Violation/);
  });

  it('lets every agent drain and exit 0 on SIGTERM', async () => {
    expect(await Promise.all(shipped.agents.map((agent) => agent.stop('SIGTERM')))).toEqual(
      AGENTS.map(() => 0),
    );
  });
});
