import type { BudgetRecord } from '@swarm/contracts';
import { auditBudgets, largestCallEstimate, taskOfReservation } from './budget-audit.js';

const record = (over: Partial<BudgetRecord> = {}): BudgetRecord => ({
  limits: { modelCalls: 3, tokens: 1_000 },
  onExhausted: 'fail',
  spent: { modelCalls: 2, tokens: 600, costUsd: 0.001 },
  reservations: {},
  additions: [],
  ...over,
});
const oneCall = { modelCalls: 1, tokens: 500, costUsd: 0.001 };

describe('auditBudgets', () => {
  it('passes a goal within its limits and counts its settled calls', () => {
    const audit = auditBudgets([{ goalId: 'g1', when: 'final', record: record() }], oneCall);
    expect(audit.overspent).toEqual([]);
    expect(audit.maxOverspend).toEqual({ modelCalls: 0, tokens: 0, costUsd: 0 });
    expect(audit.reservedCalls).toBe(2);
  });

  it('counts open reservations as spent, and tolerates one reservation over the limit', () => {
    const reservations = { 'g1/scrape/0/u1': { modelCalls: 1, tokens: 700, costUsd: 0 } };
    const audit = auditBudgets([{ goalId: 'g1', when: 'final', record: record({ reservations }) }], oneCall);
    expect(audit.overspent).toEqual([]);
    expect(audit.maxOverspend).toMatchObject({ modelCalls: 0, tokens: 300 });
    expect(audit.reservedCalls).toBe(3);
    expect(audit.openReservations).toEqual(['g1/scrape/0/u1']);
  });

  it('names a goal over its limit by more than one reservation', () => {
    const spent = { modelCalls: 5, tokens: 900, costUsd: 0 };
    const audit = auditBudgets([{ goalId: 'g2', when: 'before-top-up', record: record({ spent }) }], oneCall);
    expect(audit.overspent).toEqual(['g2 (before-top-up): modelCalls 5 of 3']);
    expect(audit.maxOverspend.modelCalls).toBe(2);
  });

  it('counts calls and open reservations over the final snapshots only', () => {
    const audit = auditBudgets(
      [
        { goalId: 'g1', when: 'before-top-up', record: record() },
        { goalId: 'g1', when: 'final', record: record({ limits: {} }) },
      ],
      oneCall,
    );
    expect(audit.reservedCalls).toBe(2);
  });
});

describe('taskOfReservation', () => {
  it('drops the random suffix of a reservation id', () => {
    expect(taskOfReservation('g-1/scrape/0/5b1c')).toBe('g-1/scrape/0');
  });
});

describe('largestCallEstimate', () => {
  it('estimates the largest prompt as the agents do: chars over 4 plus the most output, at the price', () => {
    expect(largestCallEstimate([40, 400, 4], 100, { input: 1, output: 2 })).toEqual({
      modelCalls: 1,
      tokens: 200,
      costUsd: 0.0003,
    });
  });
});
