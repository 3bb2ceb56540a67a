import type { CallGate } from './call-gate.js';
import type { UsageSink } from './genai-telemetry.js';
import type { ModelClient } from './model-client.js';
import type { ModelSettings } from './model-settings.js';

/**
 * The agent's model client, or undefined for the builtin brain (which makes no call). `onUsage` receives every
 * call's usage and cost (an agent passes the transport's `recordModelUsage`, which adds it to the task attempt).
 * `gate` reserves each provider request's estimate from the goal's budget first (an agent passes the transport's
 * `reserveModelCall`). The AI SDK and its providers are loaded here, on first use: an agent on its builtin brain never loads them.
 */
export async function createModelClient(
  settings: ModelSettings,
  onUsage: UsageSink,
  gate?: CallGate,
): Promise<ModelClient | undefined> {
  if (settings.provider === 'builtin') return undefined;
  const { ModelClient: Client } = await import('./model-client.js');
  return new Client(settings, onUsage, gate);
}
