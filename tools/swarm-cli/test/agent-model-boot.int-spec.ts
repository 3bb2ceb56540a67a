import type { AgentKind } from '@swarm/local-stack';
import { AGENT_PACKAGES, spawnAgent } from '@swarm/local-stack';

// A bad model setting stops an agent at boot with a message that names the variable (and never the key).
const KINDS = Object.keys(AGENT_PACKAGES) as AgentKind[];

async function bootFailure(kind: AgentKind, env: Record<string, string>): Promise<string> {
  const attempt = await spawnAgent({
    kind,
    instance: `${kind}-bad-model`,
    env: { PATH: process.env['PATH'], NATS_URL: 'nats://127.0.0.1:9', HEALTH_PORT: '0', ...env },
    readyTimeoutMs: 20_000,
  }).then(
    () => 'booted',
    (error: unknown) => (error as Error).message,
  );
  return attempt;
}

describe('an agent with a bad model setting', () => {
  it.each(KINDS)('stops the %s agent at boot naming SWARM_MODEL', async (kind) => {
    const message = await bootFailure(kind, { SWARM_MODEL: 'gpt-9' });
    expect(message).toMatch(/exited \(1\)/);
    expect(message).toMatch(/SWARM_MODEL: unknown model provider "gpt-9"/);
  });

  it('names every bad model variable without printing the key', async () => {
    const message = await bootFailure('ranker', {
      SWARM_MODEL: 'openai:gpt-4.1-mini',
      SWARM_MODEL_API_KEY: 'sk-do-not-print-me',
      SWARM_MODEL_TEMPERATURE: '9',
    });
    expect(message).toMatch(/SWARM_MODEL_TEMPERATURE/);
    expect(message).not.toContain('sk-do-not-print-me');
  });

  it('asks for the key of a hosted provider', async () => {
    const message = await bootFailure('communications', { SWARM_MODEL: 'anthropic:claude-sonnet-4-5' });
    expect(message).toMatch(/SWARM_MODEL_API_KEY: anthropic needs an API key/);
  });
});
