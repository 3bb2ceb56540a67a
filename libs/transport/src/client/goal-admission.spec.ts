import type { CapacityReading } from './goal-admission.js';
import { decideAdmission, describeRefusal, fillOf } from './goal-admission.js';

const stream = (name: string, used: Partial<CapacityReading> = {}): CapacityReading => ({
  resource: `stream ${name}`,
  bytes: 0,
  maxBytes: 1_000,
  messages: 0,
  maxMessages: 100,
  ...used,
});

describe('fillOf', () => {
  it('takes the fuller of bytes and messages', () => {
    expect(fillOf(stream('E', { bytes: 100, messages: 50 }))).toMatchObject({
      measure: 'messages',
      used: 50,
      limit: 100,
      fill: 0.5,
    });
    expect(fillOf(stream('E', { bytes: 700, messages: 50 }))).toMatchObject({ measure: 'bytes', fill: 0.7 });
  });

  it('ignores a measure without a limit (-1 or 0) and gives nothing when neither has one', () => {
    expect(fillOf(stream('E', { bytes: 5, maxBytes: -1, messages: 1 }))).toMatchObject({
      measure: 'messages',
    });
    expect(fillOf(stream('E', { bytes: 5, maxBytes: -1, messages: 99, maxMessages: 0 }))).toBeUndefined();
  });
});

describe('decideAdmission', () => {
  it('admits a goal while everything it needs is below the high-water mark', () => {
    const readings = [stream('EVENTS', { messages: 89 }), stream('TASKS', { bytes: 899 })];
    expect(decideAdmission(readings, 0.9)).toEqual({ admit: true });
  });

  it('refuses a goal once one stream reaches the high-water mark, naming that stream and its fill', () => {
    const readings = [stream('EVENTS', { messages: 10 }), stream('TASKS_SCRAPE', { messages: 90 })];
    expect(decideAdmission(readings, 0.9)).toEqual({
      admit: false,
      full: { resource: 'stream TASKS_SCRAPE', measure: 'messages', used: 90, limit: 100, fill: 0.9 },
    });
  });

  it('names the fullest when several are above the mark', () => {
    const readings = [
      stream('EVENTS', { messages: 95 }),
      stream('TASKS', { bytes: 990 }),
      { resource: 'jetstream account', bytes: 92, maxBytes: 100, messages: 0, maxMessages: -1 },
    ];
    const decision = decideAdmission(readings, 0.9);
    expect(decision.admit ? undefined : decision.full.resource).toBe('stream TASKS');
  });

  it('counts the account quota like a stream and never refuses on what has no limit', () => {
    const account = { resource: 'jetstream account', bytes: 95, maxBytes: 100, messages: 0, maxMessages: -1 };
    expect(decideAdmission([account], 0.9)).toMatchObject({ admit: false, full: { measure: 'bytes' } });
    const unlimited = stream('OLD', { bytes: 1e12, maxBytes: -1, messages: 1e9, maxMessages: -1 });
    expect(decideAdmission([unlimited], 0.9)).toEqual({ admit: true });
  });

  it('with a mark of 1 refuses only a full stream', () => {
    expect(decideAdmission([stream('E', { messages: 99 })], 1)).toEqual({ admit: true });
    expect(decideAdmission([stream('E', { messages: 100 })], 1).admit).toBe(false);
  });
});

describe('describeRefusal', () => {
  it('says what is full, how full, and what to do', () => {
    const line = describeRefusal(
      { resource: 'stream SWARM_EVENTS', measure: 'messages', used: 950_000, limit: 1_000_000, fill: 0.95 },
      0.9,
    );
    expect(line).toBe(
      'new goals refused, the swarm is full: stream SWARM_EVENTS holds 950,000 of its 1,000,000 messages (95%), ' +
        'at or above the admission high-water mark of 90%, kept free for the goals already running. Nothing was ' +
        'submitted: submit it again later, or raise the limit (docs/reliability.md, "Full streams")',
    );
    expect(
      describeRefusal(
        { resource: 'jetstream account', measure: 'bytes', used: 9, limit: 10, fill: 0.9 },
        0.9,
      ),
    ).toMatch(
      /^new goals refused, the swarm is full: jetstream account holds 9 bytes of its 10 bytes \(90%\)/,
    );
  });
});
