import type { UsageSink } from './genai-telemetry.js';
import type { ModelClient } from './model-client.js';
import type { ModelSettings } from './model-settings.js';

/**
 * The agent's model client, or undefined for the builtin brain (which makes no call). `onUsage` receives every
 * call's usage and cost (an agent passes the transport's `recordModelUsage`, which adds it to the task attempt).
 * The AI SDK and its providers are loaded here, on first use: an agent on its builtin brain never loads them.
 */
export async function createModelClient(
  settings: ModelSettings,
  onUsage: UsageSink,
): Promise<ModelClient | undefined> {
  if (settings.provider === 'builtin') return undefined;
  const { ModelClient: Client } = await import('./model-client.js');
  return new Client(settings, onUsage);
}
