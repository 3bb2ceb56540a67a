import { counted, formatCost, formatDuration, goalLabel, stateLabel } from './labels';

describe('stateLabel', () => {
  it('names the known states and says which have ended', () => {
    expect(stateLabel('awaiting-approval')).toEqual({
      text: 'Awaiting approval',
      tone: 'warn',
      ended: false,
    });
    expect(stateLabel('running')).toMatchObject({ text: 'Running', ended: false });
    expect(stateLabel('delivered')).toMatchObject({ text: 'Delivered', tone: 'ok', ended: true });
    expect(stateLabel('failed')).toMatchObject({ tone: 'bad', ended: true });
  });

  it('shows an unknown state in words rather than hiding it', () => {
    expect(stateLabel('paused_by-operator')).toEqual({
      text: 'Paused by operator',
      tone: 'neutral',
      ended: false,
    });
    expect(stateLabel(undefined).text).toBe('Unknown');
  });
});

describe('goalLabel', () => {
  it('prefers the outcome of an ended goal over its state', () => {
    expect(goalLabel('completed', 'rejected').text).toBe('Rejected');
    expect(goalLabel('running', 'delivered').text).toBe('Running');
    expect(goalLabel('completed', null).text).toBe('Completed');
  });
});

describe('formatDuration and formatCost', () => {
  it('writes durations in the unit a person reads', () => {
    expect([850, 4_200, 185_000, 7_440_000, -1].map(formatDuration)).toEqual([
      '850 ms',
      '4.2 s',
      '3 min 5 s',
      '2 h 4 min',
      '–',
    ]);
  });

  it('keeps two significant digits of a small bill', () => {
    expect([0, 0.004213, 0.5, 12.345].map(formatCost)).toEqual(['$0', '$0.0042', '$0.50', '$12.35']);
  });
});

describe('counted', () => {
  it('writes one thing in the singular and any other count in the plural', () => {
    expect([counted(1, 'attempt'), counted(0, 'attempt'), counted(2, 'retry', 'retries')]).toEqual([
      '1 attempt',
      '0 attempts',
      '2 retries',
    ]);
  });
});
