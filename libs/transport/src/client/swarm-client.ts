import type { JsMsg, StoredMsg } from '@nats-io/jetstream';
import { DeliverPolicy } from '@nats-io/jetstream';
import { context } from '@opentelemetry/api';
import type {
  AgentPresence,
  DeadLetterRecord,
  DeploymentKey,
  GoalEndRecord,
  GoalEvidence,
} from '@swarm/contracts';
import {
  CONTEXT_KEYS,
  DEPLOYMENT_KEYS,
  DeadLetterRecord as DeadLetterRecordSchema,
  GoalEndRecord as GoalEndRecordSchema,
  HEADERS,
} from '@swarm/contracts';
import type { PublishAck } from '../bus/bus-connection.js';
import { BusConnection } from '../bus/bus-connection.js';
import type { HeaderRecord } from '../bus/codec.js';
import { restorePayload } from '../bus/codec.js';
import { publishMessage } from '../bus/publisher.js';
import type { GoalContext } from '../context/goal-context.js';
import { GoalContextFactory } from '../context/goal-context-factory.js';
import { extractContext } from '../observability/tracing.js';
import { presenceRecordsOf } from '../presence/presence-records.js';
import { Provisioner } from '../provision/provisioner.js';
import type { OutboundMessage } from '../queue/queue-binding.js';
import type { TransportSettings } from '../settings.js';
import type { BusTopology } from '../topology.js';
import { ReplayRefusedError } from '../errors.js';
import { checkBudgetCeiling, checkDeliverySinks, checkGoalAdmission, fullStoreError } from './goal-door.js';
import { budgetCeiling } from '../budget.settings.js';
import type { ReplayTarget } from './replay-target.js';
import { replayHeaders, replayTargetOf } from './replay-target.js';

/** The prefix of the `end.<queue>` evidence keys. */
const END_KEY_PREFIX = CONTEXT_KEYS.end('');

/** A dead-letter record as stored, with where `replayDeadLetter` would put it back (or why it would not). */
export interface DeadLetterEntry {
  readonly record: DeadLetterRecord;
  /** The subject the record is stored on: `<prefix>.dlq.<queue>`, publishable only by that queue's agent. */
  readonly storedSubject: string;
  readonly replay: ReplayTarget;
}

/** A message read back from a stream, as JSON with its stream metadata. */
export interface StoredMessage {
  readonly subject: string;
  readonly streamSequence: number;
  readonly time: Date;
  readonly headers: HeaderRecord;
  readonly body: unknown;
}

function toStored(msg: JsMsg | StoredMsg): StoredMessage {
  let body: unknown;
  try {
    body = msg.json();
  } catch {
    body = msg.string();
  }
  const source = 'header' in msg ? msg.header : msg.headers;
  const headers: HeaderRecord = {};
  for (const name of source?.keys() ?? []) headers[name] = source?.values(name) ?? [];
  return { subject: msg.subject, streamSequence: msg.seq, time: msg.time, headers, body };
}

/**
 * The bus as a publisher sees it (CLI, tests, other services): publish with deterministic ids, read a goal's
 * events and context, list and replay dead letters. Agents use the transport instead.
 */
export class SwarmClient {
  private goals: GoalContextFactory | undefined;

  private constructor(
    readonly bus: BusConnection,
    readonly topology: BusTopology,
    private readonly settings: TransportSettings,
  ) {}

  /**
   * Connects; with `provision` it also creates the streams and buckets (idempotent). `warn` gets what
   * provisioning reports without failing (an existing stream with other limits; default: console.warn).
   */
  static async connect(
    settings: TransportSettings,
    topology: BusTopology,
    options: {
      readonly provision?: boolean;
      readonly name?: string;
      readonly warn?: (message: string) => void;
    } = {},
  ): Promise<SwarmClient> {
    const bus = await BusConnection.open(settings, options.name ?? `swarm-client:${settings.instanceId}`);
    try {
      if (options.provision) await new Provisioner(bus, settings, options.warn).ensureTopology(topology);
    } catch (error) {
      await bus.close();
      throw error;
    }
    return new SwarmClient(bus, topology, settings);
  }

  /** Publishes a swarm message (its `messageId` is the `Nats-Msg-Id`) and waits for the PubAck. */
  publish(
    outbound: OutboundMessage,
    trace?: { traceparent?: string; tracestate?: string },
  ): Promise<PublishAck> {
    return publishMessage(this.bus, outbound, trace);
  }

  /**
   * Submits a new goal (a `goal.submitted` message) through the door. While the events stream, a task queue or
   * the JetStream account is at or above `admissionHighWater` of its max bytes or messages, the goal is refused
   * and nothing is published, so the goals already running keep the room left; a publish the server refuses
   * as full gets the same error. A goal already stored with this message id is acknowledged as a duplicate
   * even then. Before that, a goal whose `deliverTo` names a sink the deployment's communications agent does
   * not enable (its `DEPLOYMENT_KEYS.delivery` record; no record admits the goal) is refused and nothing is
   * published, and before that a goal whose budget is above the deployment's ceiling (SWARM_BUDGET_MAX_*).
   * Otherwise the same as `publish`.
   * @throws BudgetOverCeilingError (code `budget-over-ceiling`, not retryable) naming each quantity over it.
   * @throws SinkNotEnabledError (code `sink-not-enabled`, not retryable) naming the sinks and the enabled ones.
   * @throws SwarmFullError (code `swarm-full`, retryable) naming what is full and how full.
   */
  async submitGoal(
    outbound: OutboundMessage,
    trace?: { traceparent?: string; tracestate?: string },
  ): Promise<PublishAck> {
    if (outbound.message.type !== 'goal.submitted')
      throw new Error(`submitGoal takes a goal.submitted message, not "${outbound.message.type}"`);
    const overBudget = checkBudgetCeiling(outbound.message, budgetCeiling(this.settings));
    if (overBudget) throw overBudget;
    const undeliverable = await checkDeliverySinks(outbound.message, () =>
      this.deploymentRecord(DEPLOYMENT_KEYS.delivery),
    );
    if (undeliverable) throw undeliverable;
    const refused = await checkGoalAdmission(this.bus, this.topology, this.settings.admissionHighWater);
    if (refused) {
      const last = { last: outbound.subject }; // best effort: without the right to read it, the refusal stands
      const stored = await this.readMessage(this.topology.eventsStream, last).catch(() => undefined);
      if (stored?.headers[HEADERS.messageId]?.[0] === outbound.message.messageId)
        return { stream: this.topology.eventsStream, seq: stored.streamSequence, duplicate: true };
      throw refused;
    }
    try {
      return await this.publish(outbound, trace);
    } catch (error) {
      throw fullStoreError(error, this.topology.eventsStream) ?? error;
    }
  }

  /** Publishes raw bytes (for replays and for tests of poison input). */
  publishRaw(
    subject: string,
    data: Uint8Array,
    messageId: string,
    headers: HeaderRecord = {},
  ): Promise<PublishAck> {
    return this.bus.publish(subject, data, messageId, headers);
  }

  /** The shared context of one goal. */
  async goal(goalId: string): Promise<GoalContext> {
    return (await this.contexts()).forGoal(goalId);
  }

  /**
   * A deployment-level record of the goals bucket (e.g. `DEPLOYMENT_KEYS.delivery`, what the communications
   * agent can deliver) as raw JSON; `undefined` when absent. Validate it with its contracts schema.
   * @throws the JetStream API error when the goals bucket does not exist.
   */
  async deploymentRecord(key: DeploymentKey): Promise<unknown> {
    return (await this.contexts()).readDeploymentRecord(key);
  }

  private async contexts(): Promise<GoalContextFactory> {
    this.goals ??= await GoalContextFactory.open(this.bus, this.topology, this.settings.casMaxAttempts);
    return this.goals;
  }

  /**
   * Reads every message of a stream matching `subject`, oldest first, up to what is stored now (at most `limit`,
   * default 10,000). With `lastPerSubject`, only the newest message of each distinct subject, still in stream
   * order (JetStream `DeliverPolicy.LastPerSubject`: the server picks them from its per-subject index, so the
   * cost follows the number of subjects, not of messages). With `headersOnly`, bodies stay on the server (the
   * `body` is `''`; the headers gain `Nats-Msg-Size`). With `since`, only the messages stored at or after that
   * time (`DeliverPolicy.StartTime`; not with `lastPerSubject`). All work on nats-server 2.9 and later.
   */
  async readStream(
    stream: string,
    subject: string,
    options: {
      readonly limit?: number;
      readonly lastPerSubject?: boolean;
      readonly headersOnly?: boolean;
      readonly since?: Date;
    } = {},
  ): Promise<StoredMessage[]> {
    const limit = options.limit ?? 10_000;
    const consumer = await this.bus.js.consumers.get(stream, {
      filter_subjects: subject,
      ...(options.lastPerSubject
        ? { deliver_policy: DeliverPolicy.LastPerSubject }
        : options.since
          ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: options.since.toISOString() }
          : { deliver_policy: DeliverPolicy.All }),
      ...(options.headersOnly ? { headers_only: true } : {}),
    });
    const out: StoredMessage[] = [];
    try {
      const info = await consumer.info(true);
      let remaining = Math.min(limit, info.num_pending);
      while (remaining > 0) {
        const batch = await consumer.fetch({ max_messages: Math.min(remaining, 500), expires: 2_000 });
        let got = 0;
        for await (const msg of batch) {
          out.push(toStored(msg));
          got++;
          if (msg.info.pending === 0) break;
        }
        if (got === 0) break;
        remaining -= got;
      }
    } finally {
      await consumer.delete().catch(() => false);
    }
    return out;
  }

  /**
   * One stored message of `stream`, fetched by the stream leader (`STREAM.MSG.GET`, nats-server 2.9+): the newest
   * whose subject matches `last` (wildcards allowed), or the oldest on `first`. `undefined` when none matches.
   * @throws the JetStream API error when the stream does not exist.
   */
  async readMessage(
    stream: string,
    query: { readonly last: string } | { readonly first: string },
  ): Promise<StoredMessage | undefined> {
    // `next_by_subj` from sequence 0 is the oldest match. The client's type for this API names only `seq` and
    // `last_by_subj`, but it passes the request to the server as it is.
    const request = 'first' in query ? { seq: 0, next_by_subj: query.first } : { last_by_subj: query.last };
    const msg = await this.bus.jsm.streams.getMessage(stream, request);
    return msg ? toStored(msg) : undefined;
  }

  /**
   * The agent replicas alive now: the presence record of each replica that announced itself within the presence
   * bucket's max age and has not stopped (`AgentPresence`; records that do not parse are skipped). Reads the
   * bucket's stream through an ordered consumer (the newest record per key).
   */
  async livePresence(): Promise<AgentPresence[]> {
    return presenceRecordsOf(
      await this.readStream(`KV_${this.topology.presenceBucket}`, `$KV.${this.topology.presenceBucket}.>`, {
        lastPerSubject: true,
      }),
    );
  }

  /** A goal's events (the audit trail), oldest first. */
  goalEvents(goalId: string): Promise<StoredMessage[]> {
    return this.readStream(this.topology.eventsStream, this.topology.goalEventsSubject(goalId));
  }

  /**
   * Follows events on `subject` as they arrive, starting with what is stored, until `signal` aborts. With
   * `afterSequence` (an events stream sequence, e.g. the last one a reader saw before it reconnected), it starts
   * with the first stored event after it instead, so a resumed reader sees no event twice and none is lost.
   */
  async *followEvents(
    subject: string,
    signal: AbortSignal,
    options: { readonly afterSequence?: number } = {},
  ): AsyncGenerator<StoredMessage> {
    const after = options.afterSequence ?? 0;
    const consumer = await this.bus.js.consumers.get(this.topology.eventsStream, {
      filter_subjects: subject,
      ...(after > 0 ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 } : {}),
    });
    const messages = await consumer.consume({ max_messages: 256 });
    const stop = () => void messages.stop();
    signal.addEventListener('abort', stop, { once: true });
    try {
      for await (const msg of messages) yield toStored(msg);
    } finally {
      signal.removeEventListener('abort', stop);
      await messages.close().catch(() => undefined);
    }
  }

  /** Dead-letter records, oldest first (optionally of one queue). */
  async deadLetters(queue?: string): Promise<DeadLetterRecord[]> {
    return (await this.deadLetterEntries(queue)).map((entry) => entry.record);
  }

  /** Dead-letter records, oldest first (optionally of one queue), each with where a replay would put it. */
  async deadLetterEntries(queue?: string): Promise<DeadLetterEntry[]> {
    const subject = queue ? this.topology.deadLetterSubject(queue) : this.topology.allDeadLettersSubject;
    const stored = await this.readStream(this.topology.deadLetterStream, subject);
    return stored.flatMap((message) => {
      const parsed = DeadLetterRecordSchema.safeParse(message.body);
      if (!parsed.success) return [];
      const replay = replayTargetOf(this.topology, message.subject, parsed.data);
      return [{ record: parsed.data, storedSubject: message.subject, replay }];
    });
  }

  /**
   * Puts a dead-lettered message back, byte for byte, onto the task subject of the queue it was filed under
   * (`replayTargetOf`), never onto a subject the record merely names. It goes under a new message id
   * (`<dead-letter id>/replay/<ms>`) so the stream does not drop it as a duplicate, with the record's headers
   * minus every `Nats-*` one, plus `Swarm-Replay: <ms>` so the replay's lifecycle events get ids of their own
   * (`<taskId>/replay/<ms>/claimed/1`, ...) and show in the goal's timeline.
   * @throws ReplayRefusedError when the record names another subject or queue than it was filed under, or kept
   *   only part of its payload; nothing is published then.
   */
  async replayDeadLetter(deadLetterId: string): Promise<PublishAck> {
    const entry = (await this.deadLetterEntries()).find((e) => e.record.messageId === deadLetterId);
    if (!entry) throw new Error(`no dead-letter record with id "${deadLetterId}"`);
    const { record, replay } = entry;
    if (!replay.ok) throw new ReplayRefusedError(deadLetterId, replay.reason);
    if (record.payload.truncated)
      throw new ReplayRefusedError(
        deadLetterId,
        `it kept only ${record.payload.data.length} of ${record.payload.bytes} bytes`,
      );
    const tag = String(Date.now());
    return this.bus.publish(replay.subject, restorePayload(record.payload), `${deadLetterId}/replay/${tag}`, {
      ...replayHeaders(record.headers),
      [HEADERS.replay]: [tag],
    });
  }

  /**
   * A goal's context as evidence for judging its events (`judgeTerminalEvent`): every key, and what its
   * `end.<queue>` keys hold. Listing the keys takes an ordered consumer on the goals bucket's stream. With the
   * headers of the event being judged, the reads join that event's trace (one goal stays one trace).
   */
  goalEvidence(goalId: string, traceHeaders?: HeaderRecord): Promise<GoalEvidence> {
    if (!traceHeaders) return this.readEvidence(goalId);
    return context.with(extractContext(traceHeaders), () => this.readEvidence(goalId));
  }

  private async readEvidence(goalId: string): Promise<GoalEvidence> {
    const goal = await this.goal(goalId);
    const keys = await goal.keys();
    const ends: Record<string, GoalEndRecord> = {};
    for (const key of keys.filter((k) => k.startsWith(END_KEY_PREFIX))) {
      const stored = await goal.get(key);
      const parsed = GoalEndRecordSchema.safeParse(stored?.value);
      if (parsed.success) ends[key.slice(END_KEY_PREFIX.length)] = parsed.data;
    }
    return { keys, ends };
  }

  /** Tasks waiting in a queue's consumer (the lag an autoscaler reads). */
  async pending(
    stream: string,
    durable: string,
  ): Promise<{ pending: number; ackPending: number; redelivered: number }> {
    const info = await this.bus.jsm.consumers.info(stream, durable);
    return { pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered };
  }

  /**
   * A queue consumer's state: what `pending` reports, plus the pull requests waiting for work (`waiting`: idle
   * replicas ask the server for messages, so this is how many pullers are waiting) and how many deliveries were
   * acknowledged so far (`acknowledged`: the ack floor's consumer sequence; sampled twice, it gives throughput).
   * @throws the JetStream API error when the stream or the consumer does not exist.
   */
  async queueState(
    stream: string,
    durable: string,
  ): Promise<{
    pending: number;
    ackPending: number;
    redelivered: number;
    waiting: number;
    acknowledged: number;
  }> {
    const info = await this.bus.jsm.consumers.info(stream, durable);
    return {
      pending: info.num_pending,
      ackPending: info.num_ack_pending,
      redelivered: info.num_redelivered,
      waiting: info.num_waiting,
      acknowledged: info.ack_floor.consumer_seq,
    };
  }

  async close(): Promise<void> {
    await this.bus.close();
  }
}
