import type { ResendEvidence } from './resend-attribution.js';
import { attributeResend } from './resend-attribution.js';

const copies = (first: number, second = 13_400) => [
  { at: first, idempotencyKey: 'g1/report' },
  { at: second, idempotencyKey: 'g1/report' },
];
const evidence = (overrides: Partial<ResendEvidence> = {}): ResendEvidence => ({
  goalId: 'g1',
  deliveries: copies(10_050),
  reportClaims: [
    { instance: 'communications-1', deliveryCount: 1, at: 10_000 },
    { instance: 'communications-2', deliveryCount: 2, at: 13_300 },
  ],
  reportCompletions: [{ instance: 'communications-2', attempt: 2 }],
  ...overrides,
});

describe('attributeResend', () => {
  it('explains a repeat after the first sender was killed between sending and recording', () => {
    const verdict = attributeResend(evidence(), [{ instance: 'communications-1', kind: 'kill', at: 10_060 }]);
    expect(verdict).toMatchObject({ explained: true, cause: 'kill' });
    expect(verdict.why).toContain('communications-1 (delivery 1 of the report) was killed 10 ms after');
  });

  it('does not explain a repeat when no fault hit the first sender', () => {
    expect(
      attributeResend(evidence(), [{ instance: 'communications-2', kind: 'kill', at: 10_060 }]).explained,
    ).toBe(false);
  });

  it('does not explain a repeat when the sender was killed long after it sent (it had time to record)', () => {
    expect(
      attributeResend(evidence(), [{ instance: 'communications-1', kind: 'kill', at: 12_500 }]).explained,
    ).toBe(false);
  });

  it('explains a kill long after the send when the ledger shows a later delivery recorded it', () => {
    const verdict = attributeResend(
      evidence({ effect: { state: 'done', starts: 2, instance: 'communications-2', deliveryCount: 2 } }),
      [{ instance: 'communications-1', kind: 'kill', at: 12_500 }],
    );
    expect(verdict).toMatchObject({ explained: true, cause: 'kill' });
    expect(verdict.why).toContain("the ledger's record is communications-2#2's");
  });

  it('does not explain a kill after the resend even when a later delivery recorded it', () => {
    const verdict = attributeResend(
      evidence({ effect: { state: 'done', starts: 2, instance: 'communications-2', deliveryCount: 2 } }),
      [{ instance: 'communications-1', kind: 'kill', at: 13_500 }],
    );
    expect(verdict.explained).toBe(false);
  });

  it('does not take a ledger that started once as evidence that the sender never recorded', () => {
    const verdict = attributeResend(
      evidence({ effect: { state: 'done', starts: 1, instance: 'communications-2', deliveryCount: 2 } }),
      [{ instance: 'communications-1', kind: 'kill', at: 12_500 }],
    );
    expect(verdict.explained).toBe(false);
  });

  it('does not explain a repeat when the fault hit the sender before it claimed the report', () => {
    expect(
      attributeResend(evidence(), [{ instance: 'communications-1', kind: 'kill', at: 9_000 }]).explained,
    ).toBe(false);
  });

  it('does not explain a repeat whose copies carry different idempotency keys', () => {
    const verdict = attributeResend(
      evidence({
        deliveries: [
          { at: 10_050, idempotencyKey: 'g1/report' },
          { at: 13_400, idempotencyKey: 'other' },
        ],
      }),
      [{ instance: 'communications-1', kind: 'kill', at: 10_060 }],
    );
    expect(verdict).toMatchObject({ explained: false });
    expect(verdict.why).toContain('different idempotency keys');
  });

  it('does not explain a repeat after the sending delivery completed the task', () => {
    const verdict = attributeResend(
      evidence({ reportCompletions: [{ instance: 'communications-1', attempt: 1 }] }),
      [{ instance: 'communications-1', kind: 'kill', at: 10_060 }],
    );
    expect(verdict.explained).toBe(false);
    expect(verdict.why).toContain('completed the task, yet it was sent again');
  });

  it('explains a resend after an outage when the sender recorded late and another delivery had taken over', () => {
    const verdict = attributeResend(
      evidence({
        deliveries: copies(10_050, 19_000),
        reportCompletions: [{ instance: 'communications-1', attempt: 1 }],
        reportClaims: [
          { instance: 'communications-1', deliveryCount: 1, at: 10_000 },
          { instance: 'communications-2', deliveryCount: 2, at: 18_900 },
        ],
      }),
      [{ instance: '*', kind: 'outage', at: 10_100, until: 18_000 }],
    );
    expect(verdict).toMatchObject({ explained: true, cause: 'outage' });
    expect(verdict.why).toContain('communications-2#2 sent it again');
  });

  it('does not explain a resend after an outage when no later delivery claimed the task', () => {
    const verdict = attributeResend(
      evidence({
        deliveries: copies(10_050, 19_000),
        reportCompletions: [{ instance: 'communications-1', attempt: 1 }],
        reportClaims: [{ instance: 'communications-1', deliveryCount: 1, at: 10_000 }],
      }),
      [{ instance: '*', kind: 'outage', at: 10_100, until: 18_000 }],
    );
    expect(verdict.why).toContain('completed the task, yet it was sent again');
  });

  it('explains a copy sent by a cut-off replica while it could not record the delivery', () => {
    const verdict = attributeResend(evidence({ deliveries: copies(12_000) }), [
      { instance: 'communications-1', kind: 'partition', at: 10_100, until: 20_000 },
    ]);
    expect(verdict).toMatchObject({ explained: true, cause: 'partition' });
  });

  it('explains a repeat by the same replica when NATS was unavailable to everyone after its send', () => {
    const verdict = attributeResend(
      evidence({
        deliveries: copies(10_050, 31_000),
        reportClaims: [
          { instance: 'communications-1', deliveryCount: 1, at: 10_000 },
          { instance: 'communications-1', deliveryCount: 4, at: 30_900 },
        ],
        reportCompletions: [{ instance: 'communications-1', attempt: 4 }],
      }),
      [{ instance: '*', kind: 'outage', at: 10_040, until: 30_000 }],
    );
    expect(verdict).toMatchObject({ explained: true, cause: 'outage' });
  });
});
