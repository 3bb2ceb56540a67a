import { GoalSubmitted } from './goal.js';
import { decodePayload, describeIssues } from './parse.js';
import { exampleMessage } from './testing/index.js';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('decodePayload', () => {
  it('returns the parsed value, with defaults applied, for a valid payload', () => {
    const message = exampleMessage('goal.submitted')!;
    message['goal'] = { text: 'nats clients' };
    const decoded = decodePayload(GoalSubmitted, encode(message));
    expect(decoded).toEqual({
      ok: true,
      value: expect.objectContaining({ goal: { text: 'nats clients', topN: 5, requireApproval: false } }),
    });
  });

  it('returns not-json for bytes that are not UTF-8', () => {
    const decoded = decodePayload(GoalSubmitted, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) {
      expect(decoded.problem.kind).toBe('not-json');
      expect(decoded.problem.message).toMatch(/^payload is not utf-8 json: /);
    }
  });

  it('returns not-json for UTF-8 text that is not JSON', () => {
    const decoded = decodePayload(GoalSubmitted, new TextEncoder().encode('{"type": goal.submitted'));
    expect(decoded).toMatchObject({ ok: false, problem: { kind: 'not-json' } });
  });

  it('returns invalid with the path of the bad field in the message for a schema violation', () => {
    const message = exampleMessage('goal.submitted')!;
    message['goal'] = { text: 'nats clients', topN: 0 };
    const decoded = decodePayload(GoalSubmitted, encode(message));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok && decoded.problem.kind === 'invalid') {
      expect(decoded.problem.message).toMatch(/^payload fails its schema: goal\.topN: /);
      expect(decoded.problem.issues[0]?.path).toEqual(['goal', 'topN']);
    } else {
      throw new Error(`expected an invalid problem, got ${JSON.stringify(decoded)}`);
    }
  });

  it('names the root when the payload is not an object at all', () => {
    const decoded = decodePayload(GoalSubmitted, encode([1, 2]));
    expect(decoded).toMatchObject({
      ok: false,
      problem: { kind: 'invalid', message: expect.stringMatching(/\(root\): /) },
    });
  });
});

describe('describeIssues', () => {
  it('lists at most five issues, each as its path and a lowercased message', () => {
    const parsed = GoalSubmitted.safeParse({});
    expect(parsed.error!.issues.length).toBeGreaterThan(5);
    const parts = describeIssues(parsed.error!.issues).split('; ');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('type: invalid input: expected "goal.submitted"');
    expect(parts[1]).toBe('schemaVersion: invalid input: expected 1');
    for (const part of parts) expect(part).toMatch(/^[A-Za-z.]+: [^A-Z]+$/);
  });
});
