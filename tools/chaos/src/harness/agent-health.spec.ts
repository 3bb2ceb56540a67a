import { healthPortOf } from './agent-health.js';

describe('healthPortOf', () => {
  it('reads the port from the READY line', () => {
    expect(healthPortOf(['[Nest] booting', 'READY scraper scraper-2 health=41234', 'later'])).toBe(41234);
  });

  it('is undefined before the agent is ready', () => {
    expect(healthPortOf(['[Nest] booting'])).toBeUndefined();
  });
});
