import { MESSAGE_CATALOG } from './catalog.js';
import { Envelope } from './envelope.js';
import { subjectMatches } from './subject-match.js';
import { exampleMessage, exampleMessages } from './testing/index.js';
import { EVENT_TYPES, STREAM_SPECS, SUBJECTS } from './topology.js';
import { SCHEMA_VERSION } from './version.js';

const types = MESSAGE_CATALOG.map((entry) => entry.type);

/** Issue paths of a failed parse, as `a.b` strings, for readable failures. */
function rejectionPaths(
  schema: (typeof MESSAGE_CATALOG)[number]['schema'],
  value: unknown,
): string[] | 'accepted' {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? 'accepted'
    : parsed.error.issues.map((issue) => `${issue.code}@${issue.path.join('.')}`);
}

describe('MESSAGE_CATALOG', () => {
  it('lists each message type once, every event type among them', () => {
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(expect.arrayContaining([...EVENT_TYPES]));
  });

  it('has an example message for every type and none for a type it lacks', () => {
    expect(Object.keys(exampleMessages).sort()).toEqual([...types].sort());
    expect(exampleMessage('no.such.type')).toBeUndefined();
    expect(exampleMessage('toString')).toBeUndefined();
  });

  it('puts every event type on its SUBJECTS.event address', () => {
    for (const type of EVENT_TYPES) {
      const entry = MESSAGE_CATALOG.find((e) => e.type === type)!;
      expect(entry.address.replace('{goalId}', 'g1')).toBe(SUBJECTS.event('g1', type));
    }
  });

  it.each(MESSAGE_CATALOG)('keeps $type in a declared stream whose subjects cover its address', (entry) => {
    const stream = STREAM_SPECS.find((s) => s.name === entry.stream);
    const subjects = entry.address.replaceAll(/\{[^}]+\}/g, '*');
    expect(stream?.subjects.some((pattern) => subjectMatches(pattern, subjects))).toBe(true);
  });
});

describe.each(MESSAGE_CATALOG)('the $type schema', (entry) => {
  it('accepts a realistic example message', () => {
    expect(rejectionPaths(entry.schema, exampleMessage(entry.type))).toBe('accepted');
  });

  it('accepts the example as a plain envelope too', () => {
    expect(Envelope.safeParse(exampleMessage(entry.type)).success).toBe(true);
  });

  it('rejects the example with an unknown field', () => {
    const message = { ...exampleMessage(entry.type), priority: 'high' };
    expect(rejectionPaths(entry.schema, message)).toEqual(['unrecognized_keys@']);
  });

  it('rejects the example with another schemaVersion', () => {
    const message = { ...exampleMessage(entry.type), schemaVersion: SCHEMA_VERSION + 1 };
    expect(rejectionPaths(entry.schema, message)).toEqual(['invalid_value@schemaVersion']);
  });

  it('rejects the example under another message type', () => {
    const other = types.find((t) => t !== entry.type)!;
    expect(rejectionPaths(entry.schema, { ...exampleMessage(entry.type), type: other })).toContain(
      'invalid_value@type',
    );
  });

  it('rejects the example without its envelope timestamp', () => {
    const { timestamp: _timestamp, ...message } = exampleMessage(entry.type)!;
    expect(rejectionPaths(entry.schema, message)).toEqual(['invalid_type@timestamp']);
  });
});
