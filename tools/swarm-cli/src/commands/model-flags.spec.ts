import { CliError, EXIT_CODES } from '../errors.js';
import { agentModels, allBuiltin, checkModelFlags, modelEnvByKind, parseModelFlags } from './model-flags.js';

const usageErrorOf = (run: () => unknown): CliError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
};

describe('parseModelFlags', () => {
  it('sets nothing without --model, so every agent keeps its environment', () => {
    expect(parseModelFlags([])).toEqual({});
  });

  it('gives every agent the model of a bare <provider:model>', () => {
    expect(parseModelFlags(['openai-compatible:llama3.1'])).toEqual({
      search: 'openai-compatible:llama3.1',
      scraper: 'openai-compatible:llama3.1',
      ranker: 'openai-compatible:llama3.1',
      communications: 'openai-compatible:llama3.1',
    });
  });

  it('gives one agent its own model with <agent>=<provider:model>', () => {
    expect(parseModelFlags(['ranker=anthropic:claude-sonnet-4-5'])).toEqual({
      ranker: 'anthropic:claude-sonnet-4-5',
    });
  });

  it("lets an agent's own model win over the one for all, whatever the order", () => {
    const expected = {
      search: 'openai-compatible:llama3.1',
      scraper: 'builtin',
      ranker: 'openai-compatible:llama3.1',
      communications: 'openai-compatible:llama3.1',
    };
    expect(parseModelFlags(['openai-compatible:llama3.1', 'scraper=builtin'])).toEqual(expected);
    expect(parseModelFlags(['scraper=builtin', 'openai-compatible:llama3.1'])).toEqual(expected);
  });

  it('reads comma-separated options and keeps a model name holding ":" or "="', () => {
    expect(parseModelFlags([' ranker = openai-compatible:llama3.1:8b , search=openai:gpt=x'])).toEqual({
      ranker: 'openai-compatible:llama3.1:8b',
      search: 'openai:gpt=x',
    });
    expect(parseModelFlags(['openai-compatible:tag=v2'])).toMatchObject({
      scraper: 'openai-compatible:tag=v2',
    });
  });

  it('accepts the same model given twice', () => {
    expect(parseModelFlags(['ranker=openai:gpt-4.1', 'ranker=openai:gpt-4.1'])).toEqual({
      ranker: 'openai:gpt-4.1',
    });
  });

  it.each([
    ['crawler=openai:gpt-4.1', /unknown agent "crawler".*search, scraper, ranker, communications/],
    ['=openai:gpt-4.1', /unknown agent ""/],
    ['llama3.1', /unknown model provider "llama3.1"/],
    ['ollama:llama3.1', /unknown model provider "ollama"/],
    ['ranker=openai', /"openai" names no model/],
    ['ranker=openai:', /names no model/],
    ['ranker=', /unknown model provider ""/],
    ['builtin:x', /builtin takes no model name/],
  ])('refuses "%s" with a usage error naming it', (spec, message) => {
    const error = usageErrorOf(() => parseModelFlags([spec]));
    expect(error.exitCode).toBe(EXIT_CODES.usage);
    expect(error.message).toMatch(message);
  });

  it('refuses two different models for one agent, or for all', () => {
    expect(usageErrorOf(() => parseModelFlags(['ranker=builtin', 'ranker=openai:gpt-4.1'])).message).toMatch(
      /ranker two models: builtin and openai:gpt-4.1/,
    );
    expect(usageErrorOf(() => parseModelFlags(['openai:a', 'anthropic:b'])).exitCode).toBe(EXIT_CODES.usage);
  });
});

describe('agentModels', () => {
  it("takes each agent's --model, else SWARM_MODEL, else builtin", () => {
    expect(agentModels({ ranker: 'openai:gpt-4.1' }, {})).toEqual({
      search: 'builtin',
      scraper: 'builtin',
      ranker: 'openai:gpt-4.1',
      communications: 'builtin',
    });
    expect(agentModels({ scraper: 'builtin' }, { SWARM_MODEL: ' openai-compatible:qwen3 ' })).toMatchObject({
      search: 'openai-compatible:qwen3',
      scraper: 'builtin',
    });
  });

  it('is all builtin without --model or SWARM_MODEL', () => {
    expect(allBuiltin(agentModels({}, {}))).toBe(true);
    expect(allBuiltin(agentModels({ ranker: 'openai:gpt-4.1' }, {}))).toBe(false);
  });
});

describe('modelEnvByKind', () => {
  it('sets SWARM_MODEL for the agents --model named, and for no other', () => {
    expect(modelEnvByKind({ ranker: 'openai:gpt-4.1', scraper: 'builtin' })).toEqual({
      ranker: { SWARM_MODEL: 'openai:gpt-4.1' },
      scraper: { SWARM_MODEL: 'builtin' },
    });
    expect(modelEnvByKind({})).toEqual({});
  });
});

describe('checkModelFlags', () => {
  const noFiles = (path: string): string => {
    throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
  };

  it('passes builtin and a model the environment configures', () => {
    expect(() =>
      checkModelFlags(
        { ranker: 'openai-compatible:llama3.1', scraper: 'builtin' },
        { SWARM_MODEL_BASE_URL: 'http://localhost:11434/v1' },
        noFiles,
      ),
    ).not.toThrow();
  });

  it('refuses, with a usage error, a model the agents could not boot with', () => {
    const noBaseUrl = usageErrorOf(() =>
      checkModelFlags({ ranker: 'openai-compatible:llama3.1' }, {}, noFiles),
    );
    expect(noBaseUrl.exitCode).toBe(EXIT_CODES.usage);
    expect(noBaseUrl.message).toMatch(/SWARM_MODEL_BASE_URL: required for openai-compatible/);
    const noKey = usageErrorOf(() => checkModelFlags({ search: 'anthropic:claude-haiku-4-5' }, {}, noFiles));
    expect(noKey.message).toMatch(/--model anthropic:claude-haiku-4-5: .*SWARM_MODEL_API_KEY/);
  });

  it('never shows the key in its message', () => {
    const error = usageErrorOf(() =>
      checkModelFlags(
        { ranker: 'openai:gpt-4.1' },
        { SWARM_MODEL_API_KEY: 'sk-secret-1', SWARM_MODEL_TEMPERATURE: '9' },
        noFiles,
      ),
    );
    expect(error.message).toMatch(/SWARM_MODEL_TEMPERATURE/);
    expect(error.message).not.toContain('sk-secret-1');
  });
});
