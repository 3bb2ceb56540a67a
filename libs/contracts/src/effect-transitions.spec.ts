import type { EffectAttempt, EffectRecord } from './effect-record.js';
import { EffectRecord as EffectRecordSchema } from './effect-record.js';
import { completeEffect, failEffect, planEffect } from './effect-transitions.js';

const first: EffectAttempt = { agent: { kind: 'communications', instance: 'c-1' }, deliveryCount: 1 };
const second: EffectAttempt = { agent: { kind: 'communications', instance: 'c-2' }, deliveryCount: 2 };
const t0 = new Date('2026-12-06T10:00:00.000Z');
const t1 = new Date('2026-12-06T10:00:05.000Z');

function request(attempt: EffectAttempt, repeatable: boolean, now = t0) {
  return {
    effectId: 'report.deliver.webhook',
    tool: 'deliver',
    target: 'webhook',
    idempotencyKey: 'g1/report',
    repeatable,
    attempt,
    now,
  };
}

/** The record `attempt` writes before acting on a fresh effect. */
function startedBy(attempt: EffectAttempt, repeatable: boolean): EffectRecord {
  const plan = planEffect(undefined, request(attempt, repeatable));
  if (plan.kind !== 'act' || !plan.next) throw new Error('expected a start');
  return plan.next;
}

describe('planEffect', () => {
  it('claims the start of an effect nobody recorded, with the key it will act with', () => {
    const plan = planEffect(undefined, request(first, false));
    expect(plan).toMatchObject({ kind: 'act', idempotencyKey: 'g1/report' });
    expect(plan.kind === 'act' && plan.next).toMatchObject({
      state: 'started',
      attempt: first,
      starts: 1,
      idempotencyKey: 'g1/report',
    });
    expect(() => EffectRecordSchema.parse(plan.kind === 'act' ? plan.next : undefined)).not.toThrow();
  });

  it('reuses a done effect instead of acting again', () => {
    const done = completeEffect(startedBy(first, false), request(first, false), { detail: 'sent' }, t1)!;
    expect(planEffect(done, request(second, true, t1))).toEqual({ kind: 'reuse', record: done });
  });

  it('marks an effect another attempt started as uncertain and does not act when it is not repeatable', () => {
    const plan = planEffect(startedBy(first, false), request(second, false, t1));
    expect(plan.kind).toBe('hold');
    expect(plan.kind === 'hold' && plan.next).toMatchObject({
      state: 'uncertain',
      attempt: first,
      heldBy: second,
      idempotencyKey: 'g1/report',
      startedAt: t0.toISOString(),
    });
  });

  it('keeps an uncertain effect uncertain without writing again', () => {
    const held = planEffect(startedBy(first, false), request(second, false, t1));
    const uncertain = held.kind === 'hold' ? held.next! : undefined;
    const third = { ...second, deliveryCount: 3 };
    expect(planEffect(uncertain, request(third, false, t1))).toEqual({
      kind: 'hold',
      record: uncertain,
      next: undefined,
    });
  });

  it('acts again with the recorded key when a repeatable effect was started by another attempt', () => {
    const recorded = { ...startedBy(first, true), idempotencyKey: 'g1/report-as-first-sent' };
    const plan = planEffect(recorded, request(second, true, t1));
    expect(plan).toMatchObject({ kind: 'act', idempotencyKey: 'g1/report-as-first-sent' });
    expect(plan.kind === 'act' && plan.next).toMatchObject({ state: 'started', attempt: second, starts: 2 });
  });

  it('lets the attempt that started an effect act without a second write', () => {
    expect(planEffect(startedBy(first, false), request(first, false))).toEqual({
      kind: 'act',
      idempotencyKey: 'g1/report',
      next: undefined,
    });
  });

  it('acts again after a failure, which did not happen', () => {
    const failed = failEffect(
      startedBy(first, false),
      first,
      { code: 'email-unavailable', message: 'refused', retryable: true },
      t1,
    );
    const plan = planEffect(failed, request(second, false, t1));
    expect(plan.kind === 'act' && plan.next).toMatchObject({ state: 'started', attempt: second, starts: 2 });
  });
});

describe('completeEffect', () => {
  it('records the result as done, also over a racing attempt that marked it uncertain', () => {
    const held = planEffect(startedBy(first, false), request(second, false, t1));
    const uncertain = held.kind === 'hold' ? held.next : undefined;
    const done = completeEffect(uncertain, request(first, false), { detail: 'sent' }, t1);
    expect(done).toMatchObject({ state: 'done', attempt: first, result: { detail: 'sent' } });
    expect(done).not.toHaveProperty('heldBy');
  });

  it('leaves a done effect as it is', () => {
    const done = completeEffect(startedBy(first, false), request(first, false), { n: 1 }, t1);
    expect(completeEffect(done, request(second, false), { n: 2 }, t1)).toBeUndefined();
  });

  it('records an effect done without a result too long to keep', () => {
    const done = completeEffect(
      startedBy(first, false),
      request(first, false),
      { detail: 'x'.repeat(5_000) },
      t1,
    );
    expect(done).toMatchObject({ state: 'done', resultOmitted: true });
    expect(done).not.toHaveProperty('result');
  });
});

describe('failEffect', () => {
  const error = { code: 'webhook-rejected', message: 'answered 400', retryable: false };

  it("records the failure of this attempt's start", () => {
    expect(failEffect(startedBy(first, false), first, error, t1)).toMatchObject({ state: 'failed', error });
  });

  it("leaves another attempt's start alone", () => {
    expect(failEffect(startedBy(first, false), second, error, t1)).toBeUndefined();
  });
});
