import type { UsageSink } from './genai-telemetry.js';
import { ModelClient } from './model-client.js';
import type { ModelSettings } from './model-settings.js';

/**
 * The agent's model client, or undefined for the builtin brain (which makes no call). `onUsage` receives every
 * call's usage and cost (an agent passes the transport's `recordModelUsage`, which adds it to the task attempt).
 */
export function createModelClient(settings: ModelSettings, onUsage: UsageSink): ModelClient | undefined {
  return settings.provider === 'builtin' ? undefined : new ModelClient(settings, onUsage);
}
