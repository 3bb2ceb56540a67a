/**
 * The Restate system's service endpoint process: the pipeline service (see `restate-pipeline.service.ts`) served
 * over HTTP/2 with the SDK's endpoint handler, as Restate's docs deploy one. The server pushes invocations to it
 * (the harness registers it as a deployment) and journals every step; this process keeps no state of its own.
 * Replicas share one port (`BENCH_LISTEN_PORT`, `SO_REUSEPORT`): the kernel spreads the server's connections
 * over them, as the L4 load balancer in front of a scaled deployment does.
 */
import { createServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { createEndpointHandler } from '@restatedev/restate-sdk';
import { createPipelineService } from './restate-pipeline.service.js';
import { readyLine } from './stage-env.js';
import { createStageStep, loadWorkerEnv } from './worker-env.js';

async function main(): Promise<void> {
  const env = loadWorkerEnv(process.env);
  const service = createPipelineService(env.BENCH_PREFIX, createStageStep(env), env.BENCH_FANOUT);
  const server = createServer(createEndpointHandler({ services: [service] }));
  const listen = env.BENCH_LISTEN_PORT
    ? { port: env.BENCH_LISTEN_PORT, host: '127.0.0.1', reusePort: true }
    : { port: 0, host: '127.0.0.1' };
  await new Promise<void>((resolve) => server.listen(listen, resolve));
  const { port } = server.address() as AddressInfo;

  const stop = () => {
    server.close();
    process.exit(0); // an invocation cut off here is retried by the server from its journal
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(readyLine('restate', 'worker', port));
}

main().catch((error: unknown) => {
  process.stderr.write(`restate endpoint failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
