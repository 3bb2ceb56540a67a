import { ModelConfigError } from './errors.js';
import { describeModel, parseModelSettings, parseModelSpec } from './model-settings.js';

const noFile = (path: string): string => {
  throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
};

describe('parseModelSpec', () => {
  it('reads builtin and provider:model, keeping colons in the model name', () => {
    expect(parseModelSpec('builtin')).toEqual({ provider: 'builtin', modelName: '' });
    expect(parseModelSpec('openai-compatible:llama3.1:8b')).toEqual({
      provider: 'openai-compatible',
      modelName: 'llama3.1:8b',
    });
  });

  it('names an unknown provider and a missing model name', () => {
    expect(parseModelSpec('gpt-9')).toMatch(/unknown model provider "gpt-9"/);
    expect(parseModelSpec('openai:')).toMatch(/names no model/);
    expect(parseModelSpec('builtin:x')).toMatch(/builtin takes no model name/);
  });
});

describe('parseModelSettings', () => {
  it('defaults to the builtin brain', () => {
    expect(parseModelSettings({})).toEqual({ provider: 'builtin' });
  });

  it('applies the documented defaults to a model', () => {
    const settings = parseModelSettings({
      SWARM_MODEL: 'openai-compatible:llama3.1',
      SWARM_MODEL_BASE_URL: 'http://localhost:11434/v1',
    });
    expect(settings).toEqual({
      provider: 'openai-compatible',
      modelName: 'llama3.1',
      id: 'openai-compatible:llama3.1',
      baseUrl: 'http://localhost:11434/v1',
      apiKey: undefined,
      temperature: 0,
      maxOutputTokens: 2048,
      timeoutMs: 60_000,
      maxCorrections: 2,
      maxSteps: 6,
      price: { inputPerMTok: 0, outputPerMTok: 0 },
      fallback: 'none',
      structuredOutputs: true,
      captureContent: false,
    });
  });

  it('takes an empty variable as unset', () => {
    expect(
      parseModelSettings({ SWARM_MODEL: '', SWARM_MODEL_BASE_URL: '', SWARM_MODEL_API_KEY: '' }),
    ).toEqual({
      provider: 'builtin',
    });
  });

  it('reads the key from a mounted secret file, trimmed', () => {
    const settings = parseModelSettings(
      { SWARM_MODEL: 'openai:gpt-4.1-mini', SWARM_MODEL_API_KEY_FILE: '/run/secrets/key' },
      (path) => (path === '/run/secrets/key' ? '  sk-from-file\n' : ''),
    );
    expect(settings.provider !== 'builtin' && settings.apiKey).toBe('sk-from-file');
  });

  it('names each bad variable and never prints the key', () => {
    const attempt = () =>
      parseModelSettings({
        SWARM_MODEL: 'openai-compatible:llama3.1',
        SWARM_MODEL_TEMPERATURE: '7',
        SWARM_MODEL_MAX_CORRECTIONS: 'many',
        SWARM_MODEL_API_KEY: 'sk-secret-123',
      });
    expect(attempt).toThrow(ModelConfigError);
    expect(attempt).toThrow(/SWARM_MODEL_TEMPERATURE: .*SWARM_MODEL_MAX_CORRECTIONS: /);
    expect(() => attempt()).not.toThrow(/sk-secret-123/);
  });

  it('refuses an unknown provider naming SWARM_MODEL', () => {
    expect(() => parseModelSettings({ SWARM_MODEL: 'gpt-9' })).toThrow(/SWARM_MODEL: unknown model provider/);
  });

  it('requires a base URL for openai-compatible and a key for openai and anthropic', () => {
    expect(() => parseModelSettings({ SWARM_MODEL: 'openai-compatible:x' })).toThrow(
      /SWARM_MODEL_BASE_URL: required/,
    );
    expect(() => parseModelSettings({ SWARM_MODEL: 'openai:gpt-4.1' })).toThrow(
      /SWARM_MODEL_API_KEY: openai needs/,
    );
    expect(() => parseModelSettings({ SWARM_MODEL: 'anthropic:claude' })).toThrow(
      /SWARM_MODEL_API_KEY: anthropic needs/,
    );
  });

  it('names an unreadable key file and a key given twice', () => {
    expect(() =>
      parseModelSettings({ SWARM_MODEL: 'openai:gpt-4.1', SWARM_MODEL_API_KEY_FILE: '/nope' }, noFile),
    ).toThrow(/SWARM_MODEL_API_KEY_FILE: cannot read \/nope \(ENOENT\)/);
    expect(() =>
      parseModelSettings(
        { SWARM_MODEL: 'openai:gpt-4.1', SWARM_MODEL_API_KEY: 'a', SWARM_MODEL_API_KEY_FILE: '/k' },
        () => 'b',
      ),
    ).toThrow(/set either it or SWARM_MODEL_API_KEY, not both/);
  });

  it('refuses a base URL that is not http(s)', () => {
    expect(() =>
      parseModelSettings({ SWARM_MODEL: 'openai-compatible:x', SWARM_MODEL_BASE_URL: 'file:///etc/passwd' }),
    ).toThrow(/SWARM_MODEL_BASE_URL/);
  });
});

describe('describeModel', () => {
  it('shows the model id and never the key', () => {
    const settings = parseModelSettings({ SWARM_MODEL: 'openai:gpt-4.1', SWARM_MODEL_API_KEY: 'sk-1' });
    expect(describeModel(settings)).toBe('openai:gpt-4.1');
    expect(describeModel({ provider: 'builtin' })).toBe('builtin');
  });
});
