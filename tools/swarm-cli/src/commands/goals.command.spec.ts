import { formatAge } from './goals.command.js';

describe('formatAge', () => {
  it('shows tenths under a minute, minutes and seconds under an hour, then hours and minutes', () => {
    expect(formatAge(0.42)).toBe('0.4s');
    expect(formatAge(59.95)).toBe('60.0s');
    expect(formatAge(90)).toBe('1m30s');
    expect(formatAge(3_599)).toBe('59m59s');
    expect(formatAge(7_260)).toBe('2h01m');
    expect(formatAge(-1)).toBe('0.0s');
  });
});
