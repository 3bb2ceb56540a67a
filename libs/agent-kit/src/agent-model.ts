import type { ModelClient, ModelSettings } from '@swarm/models';
import { createModelClient, parseModelSettings } from '@swarm/models';
import { recordModelUsage } from '@swarm/transport';
import { agentCallGate } from './agent-call-gate.js';

/**
 * Reads an agent's model settings (`SWARM_MODEL`, `SWARM_MODEL_*`) once at boot.
 * @throws ModelConfigError naming every bad variable.
 */
export function loadAgentModel(env: Readonly<Record<string, string | undefined>>): ModelSettings {
  return parseModelSettings(env);
}

/**
 * The agent's model client (undefined for the builtin brain, which then never loads the AI SDK), with every
 * call's usage and cost added to the task attempt that made it: the transport reports it on
 * `task.completed`/`task.failed` and in the goal context. Every provider request first reserves its estimate from
 * the goal's budget in the bus and settles its real usage after (`reserveModelCall`): no call starts once the
 * budget cannot cover it. Then, when the settings set a rate limit (SWARM_MODEL_RATE_LIMIT_*), it waits for its
 * slot in the limit every replica on its provider key shares (`agentCallGate`).
 */
export function createAgentModelClient(settings: ModelSettings): Promise<ModelClient | undefined> {
  return createModelClient(
    settings,
    (usage) => {
      recordModelUsage(usage);
    },
    agentCallGate(settings.provider === 'builtin' ? undefined : settings.rateLimit),
  );
}
