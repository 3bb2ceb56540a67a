import { AgentEnv } from './agent-profile.js';
import { ConfigError, parseEnv } from './config-error.js';

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    expect(parseEnv(AgentEnv, {})).toEqual({
      HEALTH_PORT: 8080,
      HEALTH_HOST: '0.0.0.0',
      OTEL_SDK_DISABLED: false,
      OTEL_TRACES_SAMPLER: 'parentbased_always_on',
      OTEL_METRICS_EXPORTER: 'prometheus',
      LOG_LEVEL: 'info',
    });
  });

  it('names every bad variable', () => {
    const attempt = () => parseEnv(AgentEnv, { HEALTH_PORT: 'eighty', HEALTH_HOST: '' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/HEALTH_PORT: .*HEALTH_HOST: /);
  });
});
