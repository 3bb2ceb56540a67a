import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { QueueSpec } from '@swarm/contracts';
import { waitFor } from '@swarm/testing';
import type { BusTopology, StoredMessage, TransportSettingsInput } from '../src/index.js';
import { isolatedTopology, JetStreamServer, parseTransportSettings, SwarmClient } from '../src/index.js';
import type { WorkObserver, WorkTaskInput } from '../src/testing/index.js';
import { createWorkController, workTask } from '../src/testing/index.js';

/** Fast limits for tests: short ack wait and backoff so redelivery scenarios finish in seconds. */
export const FAST: TransportSettingsInput = {
  ackWaitMs: 2_000,
  heartbeatMs: 400,
  backoffMs: [200, 400],
  maxDeliver: 3,
  pullExpiresMs: 1_000,
  drainTimeoutMs: 5_000,
};

/** One isolated swarm topology on the test server, with a client to publish and read. */
export interface Scenario {
  readonly prefix: string;
  readonly topology: BusTopology;
  readonly queues: { readonly work: QueueSpec; readonly next: QueueSpec };
  readonly client: SwarmClient;
  publishWork(
    goalId: string,
    taskId: string,
    work?: WorkTaskInput['work'],
  ): ReturnType<SwarmClient['publish']>;
  events(goalId: string, type?: string): Promise<StoredMessage[]>;
  streamCount(stream: string): Promise<number>;
  close(): Promise<void>;
}

export async function openScenario(natsUrl: string, prefix: string): Promise<Scenario> {
  const { topology, queues } = isolatedTopology(prefix, ['work', 'next']);
  const client = await SwarmClient.connect(parseTransportSettings({ natsUrl }), topology, {
    provision: true,
  });
  const work = queues['work']!;
  const next = queues['next']!;
  return {
    prefix,
    topology,
    queues: { work, next },
    client,
    publishWork: (goalId, taskId, spec) =>
      client.publish({ subject: work.filterSubject, message: workTask(goalId, taskId, spec) }),
    events: async (goalId, type) => {
      const all = await client.goalEvents(goalId);
      return type ? all.filter((m) => m.subject.endsWith(`.${type}`)) : all;
    },
    streamCount: async (stream) => (await client.bus.jsm.streams.info(stream)).state.messages,
    close: () => client.close(),
  };
}

/** A replica running in this process as a Nest microservice. */
export interface Replica {
  readonly server: JetStreamServer;
  readonly seen: { event: string; taskId: string; deliveryCount: number }[];
  close(): Promise<void>;
}

export async function startReplica(
  natsUrl: string,
  prefix: string,
  settings: TransportSettingsInput,
  instanceId: string,
): Promise<Replica> {
  const { topology, queues } = isolatedTopology(prefix, ['work', 'next']);
  const seen: Replica['seen'] = [];
  const observe: WorkObserver = (event, taskId, deliveryCount) => seen.push({ event, taskId, deliveryCount });
  const controller = createWorkController(queues['work']!, queues['next']!, observe);

  @Module({ controllers: [controller] })
  class ReplicaModule {}

  const server = new JetStreamServer({
    settings: parseTransportSettings({ ...settings, natsUrl, instanceId }),
    topology,
    agentKind: 'worker',
  });
  const app = await NestFactory.createMicroservice(ReplicaModule, { strategy: server, logger: false });
  await app.listen();
  return { server, seen, close: () => app.close() };
}

/** A replica in its own process (dist build), for SIGKILL and SIGTERM. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

const WORKER_ENTRY = path.resolve(__dirname, '../dist/testing/worker-process.js');

export async function spawnWorker(
  natsUrl: string,
  prefix: string,
  env: Record<string, string>,
): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [WORKER_ENTRY], {
    env: { ...process.env, NATS_URL: natsUrl, WORKER_PREFIX: prefix, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const worker: WorkerProcess = {
    child,
    lines,
    exited,
    waitForLine: (pattern, timeoutMs = 15_000) =>
      waitFor(() => lines.find((line) => pattern.test(line)), {
        timeoutMs,
        intervalMs: 25,
        description: `worker line ${pattern} (stderr: ${stderr.slice(-500)})`,
      }),
  };
  await worker.waitForLine(/^READY$/);
  return worker;
}

export const envOf = (settings: TransportSettingsInput): Record<string, string> => ({
  SWARM_ACK_WAIT_MS: String(settings.ackWaitMs),
  SWARM_HEARTBEAT_MS: String(settings.heartbeatMs),
  SWARM_BACKOFF_MS: (settings.backoffMs as number[]).join(','),
  SWARM_MAX_DELIVER: String(settings.maxDeliver),
  SWARM_PULL_EXPIRES_MS: String(settings.pullExpiresMs),
  SWARM_DRAIN_TIMEOUT_MS: String(settings.drainTimeoutMs),
});
