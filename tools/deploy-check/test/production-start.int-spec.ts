import { startDocsServer } from '@swarm/corpus';
import type { DocsServer } from '@swarm/corpus';
import type { NatsServerHandle } from '@swarm/testing';
import { freePort, startNats, waitFor } from '@swarm/testing';
import path from 'node:path';
import { AGENTS, effective, execForm, GATEWAY } from '../src/index.js';
import { COMPOSE, containerEnv, DOCKERFILE, imageCommand } from './image-env.js';
import type { Started } from './processes.js';
import { httpStatus, run, start, startSink, stopAll, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';

let nats: NatsServerHandle;
let docs: DocsServer;
let sink: Awaited<ReturnType<typeof startSink>>;

beforeAll(async () => {
  [nats, docs, sink] = await Promise.all([
    startNats(),
    startDocsServer({ host: '127.0.0.1', port: 0 }),
    startSink(),
  ]);
});

afterAll(async () => {
  await stopAll();
  await Promise.all([nats?.stop(), docs?.close(), sink?.close()]);
});

/** The image's own HEALTHCHECK command (exec form), run as Docker would, inside the container's environment. */
function imageHealthcheck(): string[] {
  const check = effective(DOCKERFILE, 'agent', 'HEALTHCHECK')?.args ?? '';
  const argv = execForm(check.replace(/^(--\S+\s+)*CMD\s+/, ''));
  if (!argv) throw new Error(`the agent HEALTHCHECK is not an exec-form CMD: ${check}`);
  return argv;
}

/** Starts the image command of a service in `env` and waits until `/readyz` on `port` answers 200 (or it exits). */
async function startReady(name: string, env: NodeJS.ProcessEnv, port: number): Promise<Started> {
  const { file, args } = imageCommand(name);
  const service = start(file, args, { cwd: REPO_ROOT, env });
  await waitFor(
    async () =>
      (await httpStatus(`http://127.0.0.1:${port}/readyz`)) === 200 || service.child.exitCode !== null,
    { timeoutMs: 30_000, description: `${name} /readyz` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}; output:\n${service.lines.slice(-20).join('\n')}`);
  });
  return service;
}

/** The exit codes of the image's HEALTHCHECK and of the compose service's health check (8080 moved to `port`). */
async function healthCheckCodes(name: string, env: NodeJS.ProcessEnv, port: number) {
  const [node, ...check] = imageHealthcheck();
  expect(node).toBe('node');
  const composeCheck = (COMPOSE.services[name]?.healthcheck?.test ?? []).slice(2);
  const rehosted = composeCheck.map((part) => part.replace('127.0.0.1:8080', `127.0.0.1:${port}`));
  return {
    image: (await run(process.execPath, check, { cwd: REPO_ROOT, env })).code,
    compose: (await run(process.execPath, rehosted, { cwd: REPO_ROOT, env })).code,
  };
}

describe.each(AGENTS)('the %s image command on the production build', (agent) => {
  it('becomes ready against a real nats-server, passes the image and compose health checks, and exits 0 on SIGTERM', async () => {
    const healthPort = await freePort();
    const env = containerEnv(
      agent,
      {
        'nats://nats:4222': nats.url,
        'http://jaeger:4318': sink.url,
        'http://docs:4815': docs.url,
        'docs:4815': `127.0.0.1:${docs.port}`,
      },
      { HEALTH_PORT: String(healthPort) },
    );
    const service = await startReady(agent, env, healthPort);
    const base = `http://127.0.0.1:${healthPort}`;
    expect(service.child.exitCode).toBeNull();
    expect(await httpStatus(`${base}/readyz`)).toBe(200);
    expect(await httpStatus(`${base}/healthz`)).toBe(200);
    expect(await healthCheckCodes(agent, env, healthPort)).toEqual({ image: 0, compose: 0 });

    expect(await service.stop('SIGTERM')).toBe(0);
    expect(service.lines.join('\n')).toMatch(new RegExp(`^READY ${agent} `, 'm'));
  });
});

describe('the gateway image command on the production build', () => {
  it('logs in with a token of deploy/gateway/new-token.sh, passes the image and compose health checks, and exits 0 on SIGTERM', async () => {
    const tokensFile = path.join(tempDir('gateway-tokens'), 'tokens.json');
    const made = await run(
      'bash',
      [path.join(REPO_ROOT, 'deploy/gateway/new-token.sh'), 'deploy-check', 'viewer'],
      { cwd: REPO_ROOT, env: { PATH: process.env['PATH'], GATEWAY_TOKENS_OUT: tokensFile } },
    );
    expect(made.code).toBe(0);
    const token = /^login token .*: (\S+)$/m.exec(made.output)?.[1];
    expect(token).toBeDefined();

    const port = await freePort();
    const env = containerEnv(
      GATEWAY,
      { 'nats://nats:4222': nats.url, 'http://jaeger:4318': sink.url },
      // The image's HEALTHCHECK asks HEALTH_PORT; the gateway serves /healthz on GATEWAY_PORT: 8080 both in the image.
      { GATEWAY_PORT: String(port), HEALTH_PORT: String(port), GATEWAY_TOKENS_FILE: tokensFile },
    );
    const service = await startReady(GATEWAY, env, port);
    const base = `http://127.0.0.1:${port}`;
    expect(service.child.exitCode).toBeNull();
    expect(await httpStatus(`${base}/healthz`)).toBe(200);
    const whoami = (bearer?: string) =>
      fetch(`${base}/api/v1/whoami`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});
    const me = await whoami(token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ subject: 'deploy-check', roles: ['viewer'], via: 'token' });
    expect((await whoami()).status).toBe(401);
    expect(await healthCheckCodes(GATEWAY, env, port)).toEqual({ image: 0, compose: 0 });

    expect(await service.stop('SIGTERM')).toBe(0);
  });
});
