import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CONTEXT_KEY_FAMILIES,
  EVENT_EMITTERS,
  ARTIFACT_BUCKETS,
  ARTIFACTS,
  BUCKETS,
  goalFingerprint,
  HEADERS,
  LIMITS,
  MESSAGE_CATALOG,
  messageIds,
  QUEUES,
  STAGE_ORDER,
  STREAM_SPECS,
  writersOf,
} from '../src/index.js';

/** docs/bus-contract.md is written by hand; these checks keep it from drifting away from the contracts. */
const markdown = readFileSync(resolve(__dirname, '../../../docs/bus-contract.md'), 'utf8');

const jsonBlocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
const messages = jsonBlocks.map((block) => JSON.parse(block) as Record<string, unknown>);

describe('docs/bus-contract.md', () => {
  it('shows an example of every message type', () => {
    const shown = new Set(messages.map((message) => message['type']));
    expect(MESSAGE_CATALOG.map((entry) => entry.type).filter((type) => !shown.has(type))).toEqual([]);
  });

  it.each(messages.map((message, index) => [index, String(message['type']), message] as const))(
    'shows in example %i a valid %s message',
    (_index, type, message) => {
      const entry = MESSAGE_CATALOG.find((e) => e.type === type);
      expect(entry).toBeDefined();
      const parsed = entry!.schema.safeParse(message);
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );

  it('gives every goal submission the message id its fingerprint yields', () => {
    const submissions = messages.filter((message) => message['type'] === 'goal.submitted');
    expect(submissions.length).toBeGreaterThan(0);
    for (const message of submissions) {
      const goal = message['goal'] as Parameters<typeof goalFingerprint>[0];
      expect(message['messageId']).toBe(
        messageIds.goalSubmitted(String(message['goalId']), goalFingerprint(goal)),
      );
    }
  });

  it('prints the fingerprint that the walkthrough goal really has', () => {
    const [, goal, printed] = /GOAL='(.+)'\n.*sha256sum.*\n\s*# ([0-9a-f]{16})/.exec(markdown) ?? [];
    expect(printed).toBeDefined();
    expect(goalFingerprint(JSON.parse(goal!) as Parameters<typeof goalFingerprint>[0])).toBe(printed);
  });

  it('publishes the walkthrough goal with its own message id as Nats-Msg-Id', () => {
    const ids = [...markdown.matchAll(/-H 'Nats-Msg-Id:([^']+)'/g)].map((match) => match[1]);
    const submitted = messages.filter((m) => m['type'] === 'goal.submitted').map((m) => m['messageId']);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(submitted).toContain(id);
  });

  it('names every stream with all its subjects', () => {
    for (const stream of STREAM_SPECS) {
      const row = markdown.split('\n').find((line) => line.startsWith(`| \`${stream.name}\``));
      expect({ stream: stream.name, row: row !== undefined }).toEqual({ stream: stream.name, row: true });
      for (const subject of stream.subjects) expect(row).toContain(`\`${subject}\``);
    }
  });

  it('names every queue with its stream, filter and durable consumer', () => {
    for (const queue of Object.values(QUEUES)) {
      const row = markdown.split('\n').find((line) => line.startsWith(`| \`${queue.name}\``));
      expect(row).toBeDefined();
      for (const cell of [queue.stream, queue.filterSubject, queue.durable])
        expect(row).toContain(`\`${cell}\``);
    }
  });

  it('names every artifact with its object name and bucket', () => {
    for (const name of Object.values(ARTIFACTS)) {
      const row = markdown.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      expect(row).toBeDefined();
      expect(row).toContain(`\`<goalId>/${name}\``);
      expect(row).toContain(`\`${BUCKETS[ARTIFACT_BUCKETS[name]]}\``);
    }
  });

  it('lists who may emit each event type, as EVENT_EMITTERS says', () => {
    const roles = new Set<string>([...STAGE_ORDER, 'operator']);
    const table = markdown.slice(markdown.indexOf('### Emitters')).split('\n');
    for (const [type, emitters] of Object.entries(EVENT_EMITTERS)) {
      const row = table.find((line) => line.startsWith(`| \`${type}\` `));
      const named = [...(row ?? '').matchAll(/`([a-z]+)`/g)].map((m) => m[1]!).filter((r) => roles.has(r));
      expect({ type, emitters: named.sort() }).toEqual({ type, emitters: [...emitters].sort() });
    }
  });

  it('lists every goal-context key family with its writers, as CONTEXT_KEY_FAMILIES says', () => {
    for (const family of CONTEXT_KEY_FAMILIES) {
      const { pattern } = family;
      const writers = writersOf(family)
        .map((writer) => `\`${writer}\``)
        .join(', ');
      const row = markdown.split('\n').find((line) => line.startsWith(`| \`${pattern}\` `));
      expect({ pattern, row }).toEqual({
        pattern,
        row: expect.stringMatching(new RegExp(`\\| ${writers} +\\|$`)),
      });
    }
  });

  it('names every header', () => {
    for (const header of Object.values(HEADERS)) expect(markdown).toContain(`| \`${header}\``);
  });

  it('states every limit with its current value', () => {
    for (const [name, value] of Object.entries(LIMITS)) {
      expect(markdown).toMatch(new RegExp(`\\| \`${name}\` +\\| ${value} +\\|`));
    }
  });
});
