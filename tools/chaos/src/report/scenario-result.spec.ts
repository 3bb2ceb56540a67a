import type { ScenarioResult } from './scenario-result.js';
import { countDeliveries, scenarioPassed, scenarioVerdict } from './scenario-result.js';

const base: ScenarioResult = {
  number: 5,
  name: 'duplicate-submission',
  title: 't',
  submitted: 3,
  completed: 3,
  failed: 0,
  lost: 0,
  duplicatedDeliveries: 0,
  resends: 0,
  resendsExplained: 0,
  deadLettered: 0,
  durationSeconds: 1,
  figures: {},
  checks: [],
  notes: [],
};

const delivery = (repeat = false, conflicting = false) => ({ repeat, conflicting });

describe('countDeliveries', () => {
  it('counts every report applied beyond the first per goal as doubled', () => {
    const appliedByGoal = new Map([
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ]);
    expect(countDeliveries({ appliedByGoal, deliveries: [] })).toEqual({ duplicated: 3, resends: 0 });
  });

  it('counts a repeat of a key as a resend, and a repeat with another report as doubled', () => {
    const appliedByGoal = new Map([
      ['a', 1],
      ['b', 1],
    ]);
    const deliveries = [delivery(), delivery(true), delivery(), delivery(true), delivery(true, true)];
    expect(countDeliveries({ appliedByGoal, deliveries })).toEqual({ duplicated: 1, resends: 2 });
  });

  it('is zero when each goal was delivered once', () => {
    const appliedByGoal = new Map([
      ['a', 1],
      ['b', 1],
    ]);
    expect(countDeliveries({ appliedByGoal, deliveries: [delivery(), delivery()] })).toEqual({
      duplicated: 0,
      resends: 0,
    });
  });
});

describe('scenarioVerdict', () => {
  it('passes when nothing was lost or doubled and every check held', () => {
    expect(scenarioVerdict(base)).toBe('pass');
    expect(scenarioPassed(base)).toBe(true);
  });

  it('fails on a lost goal', () => {
    expect(scenarioVerdict({ ...base, lost: 1 })).toBe('fail');
  });

  it('fails on a failed check', () => {
    expect(scenarioVerdict({ ...base, checks: [{ name: 'x', ok: false, detail: '' }] })).toBe('fail');
  });

  it('fails on a side effect doubled, even when every resend is explained', () => {
    expect(scenarioVerdict({ ...base, duplicatedDeliveries: 1, resends: 1, resendsExplained: 1 })).toBe(
      'fail',
    );
  });

  it('passes with resends when a fault in the send-then-record window explains each one', () => {
    expect(scenarioVerdict({ ...base, resends: 2, resendsExplained: 2 })).toBe('pass');
  });

  it('fails on a resend that no fault explains', () => {
    expect(scenarioPassed({ ...base, resends: 2, resendsExplained: 1 })).toBe(false);
  });
});
