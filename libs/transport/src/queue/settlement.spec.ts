import { TaskError } from '../errors.js';
import { backoffDelay, decideSettlement, describeError, MAX_RETRY_AFTER_MS } from './settlement.js';

describe('decideSettlement', () => {
  const policy = { maxDeliver: 3, backoffMs: [100, 500] };

  it('retries a retryable error with the backoff step of its delivery', () => {
    const first = decideSettlement({
      ...policy,
      error: TaskError.retryable('flaky', 'blip'),
      deliveryCount: 1,
    });
    const second = decideSettlement({
      ...policy,
      error: TaskError.retryable('flaky', 'blip'),
      deliveryCount: 2,
    });
    expect(first).toEqual({
      action: 'retry',
      delayMs: 100,
      error: { code: 'flaky', message: 'blip', retryable: true },
    });
    expect(second).toMatchObject({ action: 'retry', delayMs: 500 });
  });

  it('waits at least the Retry-After an error carries, capped at MAX_RETRY_AFTER_MS', () => {
    const asked = (retryAfterMs: number) =>
      decideSettlement({
        ...policy,
        error: TaskError.retryable('limited', '429', undefined, retryAfterMs),
        deliveryCount: 1,
      });
    expect(asked(2_000)).toMatchObject({ action: 'retry', delayMs: 2_000 });
    expect(asked(10)).toMatchObject({ action: 'retry', delayMs: 100 });
    expect(asked(3_600_000)).toMatchObject({ action: 'retry', delayMs: MAX_RETRY_AFTER_MS });
  });

  it('dead-letters a non-retryable error on the first delivery with its own code as reason', () => {
    const decision = decideSettlement({
      ...policy,
      error: TaskError.permanent('refused', 'no'),
      deliveryCount: 1,
    });
    expect(decision).toEqual({
      action: 'dead-letter',
      reason: { code: 'refused', message: 'no', retryable: false },
    });
  });

  it('dead-letters a retryable error on the last allowed delivery, naming the last error', () => {
    const decision = decideSettlement({
      ...policy,
      error: TaskError.retryable('flaky', 'blip'),
      deliveryCount: 3,
    });
    expect(decision.action).toBe('dead-letter');
    if (decision.action !== 'dead-letter') return;
    expect(decision.reason.code).toBe('retries-exhausted');
    expect(decision.reason.message).toContain('3 deliveries');
    expect(decision.reason.message).toContain('flaky');
  });

  it('treats an unknown error as transient', () => {
    expect(
      decideSettlement({ ...policy, error: new Error('socket hang up'), deliveryCount: 1 }),
    ).toMatchObject({
      action: 'retry',
      error: { code: 'unexpected-error', retryable: true },
    });
  });
});

describe('backoffDelay', () => {
  it('repeats the last step once the schedule runs out', () => {
    expect([1, 2, 3, 9].map((n) => backoffDelay([10, 20, 30], n))).toEqual([10, 20, 30, 30]);
  });
});

describe('describeError', () => {
  it('keeps the code and retryable flag of an error that carries them', () => {
    const error = Object.assign(new Error('bad url'), { code: 'ssrf-refused', retryable: false });
    expect(describeError(error)).toEqual({ code: 'ssrf-refused', message: 'bad url', retryable: false });
  });

  it('keeps what a model said when its output was refused for good', () => {
    const model = {
      model: 'openai:x',
      promptVersion: 'ranker.grade@1',
      lastOutput: '{}',
      errors: ['no grades'],
    };
    const error = Object.assign(new Error('invalid'), {
      code: 'invalid-model-output',
      retryable: false,
      model,
    });
    expect(describeError(error)).toEqual({
      code: 'invalid-model-output',
      message: 'invalid',
      retryable: false,
      model,
    });
  });

  it('describes a thrown non-error value', () => {
    expect(describeError('boom')).toEqual({ code: 'unexpected-error', message: 'boom', retryable: true });
  });
});
