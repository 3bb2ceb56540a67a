import { ModelConfigError } from './errors.js';
import { parseModelSettings } from './model-settings.js';
import { rateLimitKeyOf } from './rate-limit-settings.js';

const OPENAI = { SWARM_MODEL: 'openai:gpt-4.1-mini', SWARM_MODEL_API_KEY: 'sk-one' };

function rateLimitOf(env: Record<string, string>) {
  const settings = parseModelSettings(env);
  if (settings.provider === 'builtin') throw new Error('builtin');
  return settings.rateLimit;
}

describe('the model rate-limit settings', () => {
  it('set no limit unless requests or tokens per minute are given', () => {
    expect(rateLimitOf(OPENAI)).toBeUndefined();
  });

  it('read the limits with their defaults and a key derived from the credential', () => {
    expect(rateLimitOf({ ...OPENAI, SWARM_MODEL_RATE_LIMIT_RPM: '500' })).toEqual({
      key: rateLimitKeyOf('openai', 'default:openai', 'sk-one'),
      requestsPerMinute: 500,
      burst: 1,
      maxWaitMs: 30_000,
      pauseMs: 1_000,
    });
  });

  it('derive one key per provider, endpoint and API key that holds neither the key nor its prefix', () => {
    const key = rateLimitKeyOf('openai', 'https://api.example/v1', 'sk-secret-123');
    expect(key).toMatch(/^openai\.[0-9a-f]{16}$/);
    expect(key).not.toContain('sk-');
    expect(rateLimitKeyOf('openai', 'https://api.example/v1/', 'sk-secret-123')).toBe(key);
    expect(rateLimitKeyOf('openai', 'https://api.example/v1', 'sk-other')).not.toBe(key);
    expect(rateLimitKeyOf('openai', 'https://other.example/v1', 'sk-secret-123')).not.toBe(key);
  });

  it('take a key named explicitly, so agents on different URLs may share one limit', () => {
    const env = {
      ...OPENAI,
      SWARM_MODEL_RATE_LIMIT_TPM: '90000',
      SWARM_MODEL_RATE_LIMIT_KEY: 'team-a.openai',
    };
    expect(rateLimitOf(env)).toMatchObject({ key: 'team-a.openai', tokensPerMinute: 90_000 });
  });

  it('refuse a key the bus cannot hold and a burst below one, naming the variable', () => {
    expect(() => parseModelSettings({ ...OPENAI, SWARM_MODEL_RATE_LIMIT_KEY: 'a b' })).toThrow(
      /SWARM_MODEL_RATE_LIMIT_KEY/,
    );
    expect(() => parseModelSettings({ ...OPENAI, SWARM_MODEL_RATE_LIMIT_BURST: '0' })).toThrow(
      ModelConfigError,
    );
  });
});
