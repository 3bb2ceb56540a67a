import { startDocsServer } from '@swarm/corpus';
import type { DocsServer } from '@swarm/corpus';
import type { NatsServerHandle } from '@swarm/testing';
import { freePort, startNats, waitFor } from '@swarm/testing';
import { AGENTS, effective, execForm } from '../src/index.js';
import { COMPOSE, containerEnv, DOCKERFILE, imageCommand } from './image-env.js';
import { httpStatus, run, start, startSink, stopAll } from './processes.js';
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
    const { file, args } = imageCommand(agent);
    const service = start(file, args, { cwd: REPO_ROOT, env });
    const base = `http://127.0.0.1:${healthPort}`;
    await waitFor(
      async () => (await httpStatus(`${base}/readyz`)) === 200 || service.child.exitCode !== null,
      {
        timeoutMs: 30_000,
        description: `${agent} /readyz`,
      },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; output:\n${service.lines.slice(-20).join('\n')}`);
    });
    expect(service.child.exitCode).toBeNull();
    expect(await httpStatus(`${base}/readyz`)).toBe(200);
    expect(await httpStatus(`${base}/healthz`)).toBe(200);

    const [node, ...check] = imageHealthcheck();
    expect(node).toBe('node');
    expect((await run(process.execPath, check, { cwd: REPO_ROOT, env })).code).toBe(0);
    const composeCheck = (COMPOSE.services[agent]?.healthcheck?.test ?? []).slice(2);
    const rehosted = composeCheck.map((part) => part.replace('127.0.0.1:8080', `127.0.0.1:${healthPort}`));
    expect((await run(process.execPath, rehosted, { cwd: REPO_ROOT, env })).code).toBe(0);

    expect(await service.stop('SIGTERM')).toBe(0);
    expect(service.lines.join('\n')).toMatch(new RegExp(`^READY ${agent} `, 'm'));
  });
});
