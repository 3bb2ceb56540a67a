import { agentEnvFor } from './agent-env.js';

describe('agentEnvFor', () => {
  const shared = {
    NATS_URL: 'nats://127.0.0.1:4222',
    SWARM_MODEL: 'builtin',
    SWARM_MODEL_BASE_URL: 'http://x/v1',
  };

  it("puts a kind's own variables over the shared ones for that kind only", () => {
    const byKind = { ranker: { SWARM_MODEL: 'openai-compatible:llama3.1' } };
    expect(agentEnvFor('ranker', shared, byKind)).toEqual({
      ...shared,
      SWARM_MODEL: 'openai-compatible:llama3.1',
    });
    expect(agentEnvFor('scraper', shared, byKind)).toEqual(shared);
  });

  it('gives every kind the shared environment when no kind has its own', () => {
    expect(agentEnvFor('search', shared, undefined)).toEqual(shared);
  });
});
