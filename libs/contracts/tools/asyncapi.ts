import { stringify } from 'yaml';
import type { CatalogEntry, QueueSpec, StreamSpec } from '../src/index.js';
import {
  artifactBucketName,
  ARTIFACTS,
  BUCKETS,
  CONTEXT_KEYS,
  HEADERS,
  SCHEMA_VERSION,
  STREAMS,
  subjectMatches,
  SUBJECTS,
} from '../src/index.js';
import { exampleMessage } from '../src/testing/index.js';
import type { JsonObject } from './json-schemas.js';
import { messageJsonSchema, SCHEMAS_DIR, schemaFileName } from './json-schemas.js';

/** Where the AsyncAPI document lives, relative to the repository root. */
export const ASYNCAPI_PATH = 'docs/asyncapi.yaml';

/** The command that regenerates every generated doc. */
export const GENERATE_COMMAND = 'npm run generate -w @swarm/contracts';

/** The AsyncAPI version the document follows. */
export const ASYNCAPI_VERSION = '3.0.0';

/** The payload schema format: AsyncAPI 3.0 names JSON Schema draft 07 among the formats every tool supports. */
export const PAYLOAD_SCHEMA_FORMAT = 'application/schema+json;version=draft-07';

/** The bus topology the document describes. */
export interface BusTopology {
  readonly catalog: readonly CatalogEntry[];
  readonly streams: readonly StreamSpec[];
  readonly queues: Readonly<Record<string, QueueSpec>>;
}

/** `goal.submitted` -> `GoalSubmitted`, `dead-letter` -> `DeadLetter`: the component name of a message type. */
export function componentName(type: string): string {
  return type
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `goal.submitted` -> `goalSubmitted`: the channel id of a message type. */
export function channelId(type: string): string {
  const name = componentName(type);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** The `{name}` placeholders of a channel address, in order. */
export function addressParameters(address: string): string[] {
  return [...address.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

/** The id of the channel that carries every event of one goal. */
export const GOAL_EVENTS_CHANNEL = 'goalEvents';

const ref = (pointer: string) => ({ $ref: pointer });

function describeInfo(): string {
  return [
    'Every message the agent swarm exchanges over NATS JetStream. Payloads are UTF-8 JSON; every object is strict',
    '(unknown fields are rejected) and every message carries the envelope fields `schemaVersion`, `messageId`,',
    '`goalId`, `taskId`, `causationId`, `attempt` and `timestamp`. One JSON Schema file per message type is in',
    `\`${SCHEMAS_DIR}/\` (draft 2020-12, the shape a producer writes); this document embeds the same schemas as`,
    'draft 07.',
    '',
    '## Submit a goal and follow it with nothing but a NATS client',
    '',
    '1. Pick a goal id: one subject token of letters, digits, `_` and `-` (at most 64 characters).',
    '2. Write the goal spec (`goal` in `goal.submitted`: `text` is required; `topN` defaults to 5,',
    '   `requireApproval` to false) and compute its fingerprint: the first 16 hex digits of the SHA-256 of the',
    '   canonical JSON of the spec exactly as you send it (object keys sorted, no whitespace, absent fields left out).',
    `3. Publish \`goal.submitted\` to \`swarm.evt.<goalId>.goal.submitted\` with \`messageId\` =`,
    '   `<goalId>/submitted/<fingerprint>`, `taskId` = `<goalId>/search`, `causationId` = null, `attempt` = 1,',
    `   and the header \`${HEADERS.messageId}\` set to the same \`messageId\`. A retried publish of the same goal is then`,
    '   dropped by the stream as a duplicate instead of starting the goal twice. Publish with a JetStream publish',
    `   (request-reply) to get the stream's acknowledgement, which says \`duplicate: true\` for a repeat.`,
    `4. Follow the goal: subscribe to \`${SUBJECTS.goalEvents('<goalId>')}\`, or create a JetStream consumer on the`,
    `   \`${STREAMS.events}\` stream with that filter subject to also read what was published before you subscribed.`,
    '   The goal ends with `goal.completed` (see its `outcome`) or `goal.failed`, but only an end its emitter backed:',
    `   the event's \`queue\` may emit it, the KV key \`<goalId>.${CONTEXT_KEYS.end('<queue>')}\` in \`${BUCKETS.goals}\` holds its`,
    '   `type`, `messageId` and `outcome`, and no later stage has written the goal context since. Ignore an event whose',
    '   subject names another goal than its `goalId`, or whose `queue` may not emit its type (docs/bus-contract.md).',
    '5. When the goal asks for approval (`approval.requested`), an approver decides by creating the key',
    `   \`<goalId>.decision.<natsUser>\` in the KV bucket \`${BUCKETS.goals}\` (a JetStream publish to`,
    `   \`$KV.${BUCKETS.goals}.<goalId>.decision.<natsUser>\` with the header \`Nats-Expected-Last-Subject-Sequence: 0\`)`,
    '   with the JSON value `{"outcome":"granted"|"rejected","comment":"...","at":"<ISO 8601>"}` (a rejection',
    '   needs a comment). The decision stored first (lowest KV revision) wins; communications then publishes',
    "   `approval.granted` or `approval.rejected` once, with `by` = the key's `<natsUser>`. Do not publish those",
    '   events yourself: only communications may, and nothing reads them as a decision.',
    `6. Read the report: \`reportArtifact\` (in \`approval.requested\` and \`goal.completed\`) is an object name,`,
    `   \`<goalId>/${ARTIFACTS.reportMarkdown}\` (HTML: \`<goalId>/${ARTIFACTS.reportHtml}\`) or the preview`,
    `   \`<goalId>/${ARTIFACTS.reportPreview}\`, in the object-store bucket \`${artifactBucketName(ARTIFACTS.reportMarkdown)}\``,
    `   (e.g. \`nats object get ${artifactBucketName(ARTIFACTS.reportMarkdown)} <goalId>/${ARTIFACTS.reportMarkdown}\`).`,
    '',
    `Generated from \`@swarm/contracts\`; regenerate with \`${GENERATE_COMMAND}\`.`,
  ].join('\n');
}

function headersSchema(types: readonly string[]): JsonObject {
  const idHeader = (description: string) => ({ type: 'string', minLength: 1, description });
  return {
    type: 'object',
    description:
      'NATS message headers. Only the de-duplication id is required of an outside publisher; the swarm sets the rest.',
    properties: {
      [HEADERS.messageId]: idHeader(
        'The deterministic message id, equal to the payload `messageId`. JetStream drops a second message with the same id inside the stream duplicate window.',
      ),
      [HEADERS.goalId]: idHeader('The goal id, equal to the payload `goalId`.'),
      [HEADERS.taskId]: idHeader('The task id, equal to the payload `taskId`.'),
      [HEADERS.messageType]: {
        type: 'string',
        enum: [...types],
        description: 'The message type, equal to the payload `type`.',
      },
      [HEADERS.schemaVersion]: {
        type: 'string',
        enum: [String(SCHEMA_VERSION)],
        description: 'The bus schema version, equal to the payload `schemaVersion`, as text.',
      },
      [HEADERS.publishedAt]: {
        type: 'string',
        format: 'date-time',
        description: 'When the message was published (ISO 8601).',
      },
      [HEADERS.replay]: {
        type: 'string',
        description:
          'Only on a task `swarm dlq replay` put back: the replay tag, which keeps its events apart.',
      },
      [HEADERS.deadline]: {
        type: 'string',
        pattern: '^(none|[0-9]{1,15})$',
        description:
          "Only on a task another task handed off: the goal's deadline as the sender read it (epoch milliseconds), or `none` when the goal has no deadline. Deadlines only move later, so a receiver before it need not read the goal's budget record; past it, or without the header, it reads.",
      },
      [HEADERS.traceparent]: {
        type: 'string',
        pattern: '^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$',
        description: 'W3C Trace Context: the span that published the message.',
      },
      [HEADERS.tracestate]: { type: 'string', description: 'W3C Trace Context: vendor trace state.' },
    },
    required: [HEADERS.messageId],
  };
}

function exampleHeaders(payload: Record<string, unknown>): Record<string, string> {
  return {
    [HEADERS.messageId]: String(payload['messageId']),
    [HEADERS.goalId]: String(payload['goalId']),
    [HEADERS.taskId]: String(payload['taskId']),
    [HEADERS.messageType]: String(payload['type']),
    [HEADERS.schemaVersion]: String(SCHEMA_VERSION),
    [HEADERS.traceparent]: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  };
}

function streamOf(topology: BusTopology, name: string): StreamSpec | undefined {
  return topology.streams.find((stream) => stream.name === name);
}

function describeStream(stream: StreamSpec | undefined, name: string): string {
  if (stream === undefined) return `Stream \`${name}\`.`;
  const age = stream.maxAgeMs === 0 ? 'no age limit' : `kept ${stream.maxAgeMs / 86_400_000} days by default`;
  return `Stream \`${stream.name}\` (${stream.retention} retention, ${age}): ${stream.description}`;
}

function queueFor(topology: BusTopology, entry: CatalogEntry): QueueSpec | undefined {
  const subjects = entry.address.replaceAll(/\{[^}]+\}/g, '*');
  return Object.values(topology.queues).find(
    (queue) => queue.stream === entry.stream && subjectMatches(queue.filterSubject, subjects),
  );
}

function messageComponent(entry: CatalogEntry): JsonObject {
  const name = componentName(entry.type);
  const example = exampleMessage(entry.type);
  return {
    name: entry.type,
    title: entry.type,
    summary: entry.summary,
    description: `JSON Schema: \`${SCHEMAS_DIR}/${schemaFileName(entry.type)}\`.`,
    contentType: 'application/json',
    headers: ref('#/components/schemas/SwarmHeaders'),
    payload: ref(`#/components/schemas/${name}`),
    ...(example === undefined
      ? {}
      : {
          examples: [
            { name: `${channelId(entry.type)}Example`, headers: exampleHeaders(example), payload: example },
          ],
        }),
  };
}

function channel(topology: BusTopology, entry: CatalogEntry): JsonObject {
  const name = componentName(entry.type);
  const parameters = addressParameters(entry.address);
  return {
    address: entry.address,
    title: entry.type,
    description: describeStream(streamOf(topology, entry.stream), entry.stream),
    messages: { [name]: ref(`#/components/messages/${name}`) },
    ...(parameters.length > 0
      ? { parameters: Object.fromEntries(parameters.map((p) => [p, ref(`#/components/parameters/${p}`)])) }
      : {}),
  };
}

function operations(topology: BusTopology): JsonObject {
  const result: JsonObject = {};
  for (const entry of topology.catalog) {
    const name = componentName(entry.type);
    const channelRef = ref(`#/channels/${channelId(entry.type)}`);
    const messages = [ref(`#/channels/${channelId(entry.type)}/messages/${name}`)];
    const queue = queueFor(topology, entry);
    const via = queue
      ? ` Through the durable pull consumer \`${queue.durable}\` (filter \`${queue.filterSubject}\`) on \`${queue.stream}\`, shared by every replica; each message goes to one replica.`
      : '';
    result[`send${name}`] = {
      action: 'send',
      channel: channelRef,
      title: `Send ${entry.type}`,
      summary: `Sent by: ${entry.producers.join(', ')}.`,
      messages,
    };
    result[`receive${name}`] = {
      action: 'receive',
      channel: channelRef,
      title: `Receive ${entry.type}`,
      summary: `Received by: ${entry.consumers.join(', ')}.`,
      ...(via ? { description: via.trim() } : {}),
      messages,
    };
  }
  const eventEntries = topology.catalog.filter((entry) => entry.address.startsWith('swarm.evt.{goalId}.'));
  result['followGoal'] = {
    action: 'receive',
    channel: ref(`#/channels/${GOAL_EVENTS_CHANNEL}`),
    title: 'Follow one goal',
    summary: 'Any client: every event of one goal, from submission to goal.completed or goal.failed.',
    description: `Subscribe to \`${SUBJECTS.goalEvents('<goalId>')}\`, or create a consumer on \`${STREAMS.events}\` with that filter subject to replay the goal's history first.`,
    messages: eventEntries.map((entry) =>
      ref(`#/channels/${GOAL_EVENTS_CHANNEL}/messages/${componentName(entry.type)}`),
    ),
  };
  return result;
}

/**
 * The AsyncAPI 3.0.0 document of the bus, built from the catalog, streams and queues. Pure: the same input
 * always gives an object with the same keys in the same order, so its YAML is byte-identical.
 */
export function buildAsyncApiDocument(topology: BusTopology): JsonObject {
  const types = topology.catalog.map((entry) => entry.type);
  const eventEntries = topology.catalog.filter((entry) => entry.address.startsWith('swarm.evt.{goalId}.'));
  const channels: JsonObject = {};
  for (const entry of topology.catalog) channels[channelId(entry.type)] = channel(topology, entry);
  channels[GOAL_EVENTS_CHANNEL] = {
    address: SUBJECTS.goalEvents('{goalId}'),
    title: 'every event of one goal',
    description: describeStream(streamOf(topology, STREAMS.events), STREAMS.events),
    messages: Object.fromEntries(
      eventEntries.map((entry) => [
        componentName(entry.type),
        ref(`#/components/messages/${componentName(entry.type)}`),
      ]),
    ),
    parameters: { goalId: ref('#/components/parameters/goalId') },
  };

  const schemas: JsonObject = {};
  for (const entry of topology.catalog) {
    const { $schema: _dialect, ...schema } = messageJsonSchema(entry, { target: 'draft-07', withId: false });
    schemas[componentName(entry.type)] = { schemaFormat: PAYLOAD_SCHEMA_FORMAT, schema };
  }
  schemas['SwarmHeaders'] = headersSchema(types);

  const messages: JsonObject = {};
  for (const entry of topology.catalog) messages[componentName(entry.type)] = messageComponent(entry);

  return {
    asyncapi: ASYNCAPI_VERSION,
    id: 'urn:swarm:bus',
    info: {
      title: 'Agent swarm bus',
      version: String(SCHEMA_VERSION),
      description: describeInfo(),
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      nats: {
        host: 'localhost:4222',
        protocol: 'nats',
        description: 'A local nats-server with JetStream enabled (`nats-server -js`).',
      },
    },
    channels,
    operations: operations(topology),
    components: {
      schemas,
      messages,
      parameters: {
        goalId: {
          description: 'The goal id: one subject token of letters, digits, `_` and `-`.',
          examples: ['g-7f3a91c2'],
        },
        queue: {
          description: 'The work queue the dead-lettered message came from.',
          enum: Object.values(topology.queues).map((queue) => queue.name),
        },
      },
    },
  };
}

/** Serializes the document as YAML behind a "generated, do not edit" header. Deterministic. */
export function renderAsyncApiYaml(document: JsonObject): string {
  const header = [
    '# Generated by libs/contracts/tools/generate-docs.ts from @swarm/contracts. Do not edit.',
    `# Regenerate with: ${GENERATE_COMMAND}`,
  ].join('\n');
  return `${header}\n${stringify(document, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })}`;
}
