import { budgetCeiling, budgetDefaults } from './budget.settings.js';
import { InvalidSettingsError } from './errors.js';
import { transportSettingsFromEnv } from './settings.js';

describe('budget settings', () => {
  it('reads the defaults, the ceiling and the policy from their variables', () => {
    const settings = transportSettingsFromEnv({
      SWARM_BUDGET_DEFAULT_COST_USD: '0.5',
      SWARM_BUDGET_DEFAULT_DEADLINE_MS: '600000',
      SWARM_BUDGET_MAX_COST_USD: '2',
      SWARM_BUDGET_MAX_TOKENS: '1000000',
      SWARM_BUDGET_ON_EXHAUSTED: 'pause',
    });
    expect(budgetDefaults(settings)).toEqual({ costUsd: 0.5, deadlineMs: 600_000, onExhausted: 'pause' });
    expect(budgetCeiling(settings)).toEqual({ costUsd: 2, tokens: 1_000_000 });
  });

  it('limits nothing and fails goals by default', () => {
    const settings = transportSettingsFromEnv({});
    expect(budgetDefaults(settings)).toEqual({ onExhausted: 'fail' });
    expect(budgetCeiling(settings)).toEqual({});
  });

  it('refuses at boot a default above the ceiling, and an unknown policy, naming the variable', () => {
    const over = { SWARM_BUDGET_DEFAULT_TOKENS: '5000', SWARM_BUDGET_MAX_TOKENS: '1000' };
    expect(() => transportSettingsFromEnv(over)).toThrow(InvalidSettingsError);
    expect(() => transportSettingsFromEnv(over)).toThrow(
      /default budget is above the ceiling: tokens 5000 > 1000/,
    );
    expect(() => transportSettingsFromEnv({ SWARM_BUDGET_ON_EXHAUSTED: 'panic' })).toThrow(
      /SWARM_BUDGET_ON_EXHAUSTED/,
    );
  });
});
