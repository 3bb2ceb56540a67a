import type { ModelUsage } from '@swarm/contracts';
import { ModelClient } from '../model-client.js';
import { modelTargetOf } from './echo-fixture.js';

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
  return new ModelClient(
    modelTargetOf({ SWARM_MODEL: 'openai-compatible:scripted', SWARM_MODEL_BASE_URL: baseUrl, ...env }),
    onUsage,
  );
}

export { Echo, ECHO_PROMPT, modelTargetOf, mustEcho } from './echo-fixture.js';
