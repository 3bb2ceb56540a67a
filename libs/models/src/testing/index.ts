import type { ModelUsage } from '@swarm/contracts';
import { ModelClient } from '../model-client.js';
import { parseModelSettings } from '../model-settings.js';

/**
 * A model client for tests, pointed at a scripted model server (`@swarm/testing`) at `baseUrl`
 * (`<server.url>/v1`) as `openai-compatible:scripted`; `env` adds or overrides `SWARM_MODEL_*` settings, and
 * every call's usage goes to `onUsage`.
 */
export function scriptedModelClient(
  baseUrl: string,
  onUsage: (usage: ModelUsage) => void = () => undefined,
  env: Readonly<Record<string, string>> = {},
): ModelClient {
  const settings = parseModelSettings({
    SWARM_MODEL: 'openai-compatible:scripted',
    SWARM_MODEL_BASE_URL: baseUrl,
    ...env,
  });
  if (settings.provider === 'builtin')
    throw new Error('SWARM_MODEL=builtin is the builtin brain, not a model');
  return new ModelClient(settings, onUsage);
}
