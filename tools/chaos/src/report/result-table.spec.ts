import { renderResultDetail, renderResultTable } from './result-table.js';
import type { ScenarioResult } from './scenario-result.js';

const result = (overrides: Partial<ScenarioResult> = {}): ScenarioResult => ({
  number: 1,
  name: 'replica-kills',
  title: '500 goals, kills',
  submitted: 500,
  completed: 500,
  failed: 0,
  lost: 0,
  duplicatedDeliveries: 0,
  resends: 0,
  resendsExplained: 0,
  deadLettered: 0,
  recoverySeconds: 3.25,
  durationSeconds: 91.04,
  figures: { kills: 20 },
  checks: [{ name: 'kills happened', ok: true, detail: '20' }],
  notes: ['a note'],
  ...overrides,
});

describe('renderResultTable', () => {
  it('prints a header, a rule and one row per scenario with numbers right-aligned', () => {
    const table = renderResultTable([
      result(),
      result({ number: 6, name: 'backlog', title: 'backlog', submitted: 5000, completed: 5000 }),
    ]);
    const [header, rule, first, second] = table.split('\n');
    expect(header).toMatch(/^#\s+scenario\s+submitted\s+completed\s+failed\s+lost\s+dup deliveries/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    expect(first).toMatch(/^1 +500 goals, kills +500 +500 +0 +0 +0 +0 +0 +3\.3 +91\.0 +PASS$/);
    expect(second).toMatch(/^6 +backlog +5000 +5000 /);
    // right-aligned: the submitted numbers end where the column's header ends
    const headerEnd = header!.indexOf('submitted') + 'submitted'.length;
    expect(first!.indexOf('500', first!.indexOf('kills')) + 3).toBe(headerEnd);
    expect(second!.indexOf('5000') + 4).toBe(headerEnd);
  });

  it('fails a scenario that lost a goal and lists its failed checks under the table', () => {
    const table = renderResultTable([
      result({ lost: 2, checks: [{ name: 'every goal ended', ok: false, detail: '2 open' }] }),
    ]);
    expect(table).toMatch(/FAIL$/m);
    expect(table).toContain('1 replica-kills: check failed: every goal ended: 2 open');
  });

  it('passes resends that a fault explains, and says what a resend is', () => {
    const table = renderResultTable([result({ resends: 1, resendsExplained: 1 })]);
    expect(table).toMatch(/ 0 +1 .* PASS$/m);
    expect(table).toContain('resent: a copy of a report already applied');
  });

  it('fails on a resend no fault explains, and on a side effect doubled', () => {
    const unexplained = renderResultTable([result({ resends: 2, resendsExplained: 1 })]);
    expect(unexplained).toMatch(/2 \(1 unexplained\) .* FAIL$/m);
    expect(renderResultTable([result({ duplicatedDeliveries: 1 })])).toMatch(/FAIL$/m);
  });

  it('shows a dash for a scenario without a recovery time', () => {
    const { recoverySeconds: _omitted, ...withoutRecovery } = result();
    expect(renderResultTable([withoutRecovery]).split('\n')[2]).toMatch(/ - +91\.0 +PASS$/);
  });
});

describe('renderResultDetail', () => {
  it('prints the headline counts, then figures, checks and notes', () => {
    const detail = renderResultDetail(result());
    expect(detail.split('\n')).toEqual([
      '[1] 500 goals, kills: PASS',
      '  submitted 500 / completed 500 / failed 0 / lost 0 / duplicated deliveries 0 / resent 0 (0 explained) / ' +
        'dead-lettered 0 / recovery 3.3 s / 91.0 s',
      '  kills: 20',
      '  ok   kills happened: 20',
      '  note: a note',
    ]);
  });
});
