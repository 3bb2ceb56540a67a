import { capturePayload, restorePayload, sniffIds } from './codec.js';

describe('capturePayload', () => {
  it('keeps utf-8 text as text and restores it byte for byte', () => {
    const bytes = new TextEncoder().encode('{"goalId":"g1"} ünïcödé');
    const captured = capturePayload(bytes, 1_024);
    expect(captured).toMatchObject({ encoding: 'utf8', bytes: bytes.length, truncated: false });
    expect(restorePayload(captured)).toEqual(bytes);
  });

  it('keeps binary as base64 and restores it byte for byte', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x80]);
    const captured = capturePayload(bytes, 1_024);
    expect(captured.encoding).toBe('base64');
    expect(restorePayload(captured)).toEqual(bytes);
  });

  it('cuts a payload over the limit and says so', () => {
    const captured = capturePayload(new TextEncoder().encode('x'.repeat(5_000)), 1_024);
    expect(captured).toMatchObject({ bytes: 5_000, truncated: true });
    expect(captured.data).toHaveLength(1_024);
  });
});

describe('sniffIds', () => {
  it('prefers the swarm headers', () => {
    expect(
      sniffIds({ 'Swarm-Goal-Id': ['g1'], 'Swarm-Task-Id': ['g1/scrape/0'] }, new Uint8Array()),
    ).toMatchObject({
      goalId: 'g1',
      taskId: 'g1/scrape/0',
    });
  });

  it('finds ids in a payload that is JSON-like but broken', () => {
    const bytes = new TextEncoder().encode('{"goalId":"g-7","taskId":"g-7/rank", oops');
    expect(sniffIds({}, bytes)).toMatchObject({ goalId: 'g-7', taskId: 'g-7/rank' });
  });

  it('refuses a goal id that is not a subject token', () => {
    expect(sniffIds({ 'Swarm-Goal-Id': ['a.b.>'] }, new Uint8Array()).goalId).toBeUndefined();
  });
});
