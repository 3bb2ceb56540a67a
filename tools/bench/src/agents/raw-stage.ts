/**
 * A stage of the raw JetStream pipeline as its own process, written the way the nats.js examples do it: a
 * durable pull consumer read with `consume()`, the hand-off published with its id as `Nats-Msg-Id`, then the
 * task acked (publish-then-ack). No validation, no lifecycle events: the lower bound for every other system.
 *
 * `BENCH_RAW_PROTOCOL` rebuilds parts of the swarm's protocol on plain nats.js, to price each of them:
 * `next` pulls one message per free slot with `consumer.next()` (as the swarm's slots do); `swarm-like` adds
 * what the swarm's transport does around each task: swarm headers, a `task.claimed` event published when the
 * task starts, and the hand-off and a `task.completed` event published after the work, the ack waiting for all
 * three PubAcks.
 *
 * `BENCH_FANOUT` > 0 (protocol `consume` only) makes the search stage publish that many scrape tasks and the scrape
 * stage join them the way the swarm does, in a KV bucket of the run: one write-once key per slot, read back from
 * the next slot on; the scrape that completes the join publishes the rank task.
 */
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { jetstream } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import { Kvm } from '@nats-io/kv';
import { connect, headers as natsHeaders } from '@nats-io/transport-node';
import { jetstreamNames } from '../pipeline/jetstream-names.js';
import type { StageMessage } from '../pipeline/stage-message.js';
import { BENCH_SCHEMA_VERSION } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';
import { nextStage } from '../pipeline/stages.js';
import type { JoinStore } from './fan-out-join.js';
import { fanOutScrapes, landInJoin, slotKey } from './fan-out-join.js';
import { loadStageEnv, readyLine } from './stage-env.js';
import { handOff, simulateWork, WorkSlots } from './stage-work.js';

const PROTOCOLS = ['consume', 'next', 'swarm-like'] as const;
type Protocol = (typeof PROTOCOLS)[number];
const PULL_EXPIRES_MS = 5_000;

async function main(): Promise<void> {
  const env = loadStageEnv(process.env);
  const protocol = (process.env['BENCH_RAW_PROTOCOL'] ?? 'consume') as Protocol;
  if (!PROTOCOLS.includes(protocol)) throw new Error(`unknown BENCH_RAW_PROTOCOL "${protocol}"`);
  const stage = env.BENCH_STAGE;
  const prefix = env.BENCH_PREFIX;
  const nc = await connect({ servers: env.NATS_URL.split(','), name: `raw-${stage}-${process.pid}` });
  const js = jetstream(nc);
  const consumer = await js.consumers.get(
    jetstreamNames.stream(prefix, stage),
    jetstreamNames.durable(stage),
  );
  if (env.BENCH_FANOUT > 0 && protocol !== 'consume')
    throw new Error(`BENCH_FANOUT needs BENCH_RAW_PROTOCOL=consume, got "${protocol}"`);
  const join =
    env.BENCH_FANOUT > 0 && stage === 'scrape'
      ? await new Kvm(nc).open(jetstreamNames.joinBucket(prefix))
      : undefined;
  const handle =
    protocol === 'swarm-like'
      ? swarmLikeTask(js, prefix, stage)
      : plainTask(js, prefix, stage, { fanOut: env.BENCH_FANOUT, join });
  const work = async (msg: JsMsg) => {
    await simulateWork(env.BENCH_WORK_MS);
    await handle(msg);
  };
  const fail = (msg: JsMsg) => (error: unknown) => {
    process.stderr.write(`raw ${stage}: ${(error as Error).message}\n`);
    msg.nak(500);
  };

  let stopping = false;
  const slots = new WorkSlots(env.BENCH_CONCURRENCY);
  let loops: Promise<void>;
  let stopConsume = () => Promise.resolve();
  if (protocol === 'consume') {
    const messages = await consumer.consume({ max_messages: env.BENCH_CONCURRENCY });
    stopConsume = async () => void (await messages.close());
    loops = (async () => {
      for await (const msg of messages) {
        const release = await slots.acquire();
        work(msg).catch(fail(msg)).finally(release);
      }
    })();
  } else {
    const slot = async () => {
      while (!stopping) {
        const msg = await consumer.next({ expires: PULL_EXPIRES_MS }).catch(() => null);
        if (msg) await work(msg).catch(fail(msg));
      }
    };
    loops = Promise.all(Array.from({ length: env.BENCH_CONCURRENCY }, slot)).then(() => undefined);
  }

  const stop = async () => {
    stopping = true;
    await stopConsume();
    await (protocol === 'consume' ? slots.idle() : loops);
    await nc.drain();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.stdout.write(readyLine('raw', stage));
  await loops;
}

/** Where a stage's hand-off goes: the next stage's subject, or the goal's completion event. */
function handOffSubject(prefix: string, stage: Stage, goalId: string): string {
  const next = nextStage(stage);
  return next ? jetstreamNames.subject(prefix, next) : jetstreamNames.completedSubject(prefix, goalId);
}

/**
 * Publish the hand-off, then ack (no confirmation): the nats.js way. With a fan-out the search stage publishes its
 * scrapes together and the scrape stage publishes only when its landing completes the join.
 */
function plainTask(
  js: JetStreamClient,
  prefix: string,
  stage: Stage,
  fan: { readonly fanOut: number; readonly join: KV | undefined },
): (msg: JsMsg) => Promise<void> {
  const publish = (goalId: string, out: StageMessage) =>
    js.publish(handOffSubject(prefix, stage, goalId), JSON.stringify(out), { msgID: out.messageId });
  return async (msg) => {
    const received = JSON.parse(msg.string()) as StageMessage;
    if (fan.fanOut > 0 && stage === 'search') {
      await Promise.all(fanOutScrapes(received, fan.fanOut).map((out) => publish(received.goalId, out)));
    } else if (fan.join && received.slot) {
      const store = kvJoinStore(fan.join, received.goalId);
      if (await landInJoin(store, received.slot, msg.redelivered))
        await publish(received.goalId, handOff(stage, received));
    } else {
      await publish(received.goalId, handOff(stage, received));
    }
    msg.ack();
  };
}

/** One goal's join slots as keys `<goal>.scrape.<i>` of the run's KV bucket (create-if-absent, then reads). */
function kvJoinStore(kv: KV, goalId: string): JoinStore {
  const key = (index: number) => `${goalId}.${slotKey(index)}`;
  return {
    create: async (index) => {
      try {
        await kv.create(key(index), '');
        return true;
      } catch (error) {
        if (await kvHas(kv, key(index))) return false; // stored before: a redelivery, or a late copy
        throw error;
      }
    },
    has: (index) => kvHas(kv, key(index)),
  };
}

async function kvHas(kv: KV, key: string): Promise<boolean> {
  return (await kv.get(key))?.operation === 'PUT';
}

/**
 * The swarm's per-task protocol without its code, as the transport runs it: swarm headers, a claimed event whose
 * PubAck is awaited before the hand-off, then the hand-off and the completed event together, then the ack.
 */
function swarmLikeTask(js: JetStreamClient, prefix: string, stage: Stage): (msg: JsMsg) => Promise<void> {
  const publish = (
    subject: string,
    body: object & { messageId: string; goalId: string; taskId: string; type: string },
  ) => {
    const h = natsHeaders();
    h.append('Swarm-Goal-Id', body.goalId);
    h.append('Swarm-Task-Id', body.taskId);
    h.append('Swarm-Type', body.type);
    h.append('Swarm-Schema-Version', String(BENCH_SCHEMA_VERSION));
    h.append('Swarm-Published-At', new Date().toISOString());
    return js.publish(subject, JSON.stringify(body), { msgID: body.messageId, headers: h });
  };
  const event = (received: StageMessage, type: string, extra: object) => ({
    type,
    schemaVersion: BENCH_SCHEMA_VERSION,
    messageId: `${received.taskId}/${type === 'task.claimed' ? 'claimed/1' : 'completed'}`,
    goalId: received.goalId,
    taskId: received.taskId,
    causationId: received.messageId,
    attempt: 1,
    timestamp: new Date().toISOString(),
    queue: stage,
    agent: { kind: stage, instance: `${stage}-${process.pid}` },
    ...extra,
  });
  return async (msg) => {
    const received = JSON.parse(msg.string()) as StageMessage;
    const claimed = publish(
      `${prefix}.evt.${received.goalId}.task.claimed`,
      event(received, 'task.claimed', { deliveryCount: 1, streamSequence: msg.seq, waitedMs: 0 }),
    );
    claimed.catch(() => undefined); // awaited with the hand-off below, as the transport's runner does
    const out = handOff(stage, received);
    await Promise.all([
      claimed,
      publish(handOffSubject(prefix, stage, received.goalId), out),
      publish(
        `${prefix}.evt.${received.goalId}.task.completed`,
        event(received, 'task.completed', {
          deliveryCount: 1,
          durationMs: 0,
          output: { stage },
          emitted: [out.messageId],
        }),
      ),
    ]);
    msg.ack();
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`raw stage failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
