import type { ScenarioResult } from './scenario-result.js';
import { duplicatedDeliveries, scenarioPassed, scenarioVerdict } from './scenario-result.js';

const base: ScenarioResult = {
  number: 5,
  name: 'duplicate-submission',
  title: 't',
  submitted: 3,
  completed: 3,
  failed: 0,
  lost: 0,
  duplicatedDeliveries: 0,
  duplicatesInSendWindow: 0,
  deadLettered: 0,
  durationSeconds: 1,
  figures: {},
  checks: [],
  notes: [],
};

describe('duplicatedDeliveries', () => {
  it('counts every delivery beyond the first per goal', () => {
    expect(
      duplicatedDeliveries(
        new Map([
          ['a', 1],
          ['b', 3],
          ['c', 2],
        ]),
      ),
    ).toBe(3);
  });

  it('is zero when each goal was delivered once', () => {
    expect(
      duplicatedDeliveries(
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
      ),
    ).toBe(0);
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

  it('passes with the known limit when every duplicate is the send window', () => {
    expect(scenarioVerdict({ ...base, duplicatedDeliveries: 2, duplicatesInSendWindow: 2 })).toBe(
      'pass-known-limit',
    );
  });

  it('fails on an unexplained duplicate', () => {
    expect(scenarioPassed({ ...base, duplicatedDeliveries: 2, duplicatesInSendWindow: 1 })).toBe(false);
  });
});
