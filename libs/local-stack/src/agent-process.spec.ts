import { healthPortOf } from './agent-process.js';

describe('healthPortOf', () => {
  it("reads the health port off an agent's READY line", () => {
    expect(healthPortOf('READY scraper scraper-2 health=43117')).toBe(43117);
  });

  it('is undefined for a READY line without one', () => {
    expect(healthPortOf('READY scraper scraper-2')).toBeUndefined();
  });
});
