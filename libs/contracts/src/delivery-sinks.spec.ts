import { isSinkName, SINK_NAMES } from './delivery-sinks.js';

describe('SINK_NAMES', () => {
  it('names the four sinks, and isSinkName knows only those', () => {
    expect(Object.values(SINK_NAMES)).toEqual(['stdout', 'file', 'webhook', 'email']);
    expect(Object.values(SINK_NAMES).every(isSinkName)).toBe(true);
    expect(isSinkName('slack')).toBe(false);
    expect(isSinkName('File')).toBe(false);
  });
});
