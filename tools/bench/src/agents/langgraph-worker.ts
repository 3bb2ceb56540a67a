/**
 * The LangGraph system's worker process: the four stages as one compiled graph (see `langgraph-graph.ts`) with
 * `PostgresSaver` checkpointing every step into the pass's private PostgreSQL, served over HTTP as an app puts a
 * graph behind an endpoint: `POST /goals` with the goal message invokes the graph with `thread_id` = the goal id
 * and answers with the completion event once the run (and every checkpoint write) is done. At most
 * `BENCH_CONCURRENCY` graph runs at once; more requests wait. A graph runs all four nodes in this one process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { StageMessage } from '../pipeline/stage-message.js';
import { langgraphNames } from '../pipeline/system-names.js';
import { buildFanOutGraph, buildPipelineGraph } from './langgraph-graph.js';
import { WorkSlots } from './stage-work.js';
import { readyLine } from './stage-env.js';
import { createStageStep, loadWorkerEnv } from './worker-env.js';

/** Idle keep-alive connections stay open this long (longer than the harness keeps its idle sockets). */
const KEEP_ALIVE_MS = 60_000;

async function main(): Promise<void> {
  const env = loadWorkerEnv(process.env);
  if (!env.POSTGRES_URL) throw new Error('POSTGRES_URL is not set');
  const checkpointer = PostgresSaver.fromConnString(env.POSTGRES_URL, {
    schema: langgraphNames.schema(env.BENCH_PREFIX),
  });
  const graph =
    env.BENCH_FANOUT > 0
      ? buildFanOutGraph(createStageStep(env), checkpointer, env.BENCH_FANOUT)
      : buildPipelineGraph(createStageStep(env), checkpointer);
  const slots = new WorkSlots(env.BENCH_CONCURRENCY);

  const runGoal = async (goal: StageMessage): Promise<StageMessage> => {
    const final = await slots.run(() =>
      graph.invoke({ message: goal }, { configurable: { thread_id: goal.goalId } }),
    );
    return final.message;
  };
  const server = createServer((request, response) => {
    handle(request, response, runGoal).catch((error: unknown) => {
      process.stderr.write(`langgraph worker: ${(error as Error).message}\n`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end((error as Error).message);
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const stop = async () => {
    server.close();
    server.closeIdleConnections();
    await slots.idle();
    await checkpointer.end();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdout.write(readyLine('langgraph', 'worker', port));
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  runGoal: (goal: StageMessage) => Promise<StageMessage>,
): Promise<void> {
  if (request.method !== 'POST' || request.url !== '/goals') {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const completed = await runGoal(JSON.parse(Buffer.concat(chunks).toString('utf8')) as StageMessage);
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(completed));
}

main().catch((error: unknown) => {
  process.stderr.write(`langgraph worker failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
