import { Logger } from '@nestjs/common';
import type { RunningAgent } from '@swarm/agent-kit';
import { runAgent } from '@swarm/agent-kit';
import { closeOnSignals } from '@swarm/transport';
import { COMMUNICATIONS_PROFILE } from './agent.profile.js';
import { ApprovalResumer } from './approval/approval-resumer.js';
import { CommunicationsModule } from './communications.module.js';
import type { CommunicationsConfig } from './config.js';
import { announceDelivery, deliveryCapabilities } from './delivery/delivery-announcement.js';

/** A running communications replica: the agent and the resumer of goals parked for approval. */
export interface RunningCommunications {
  readonly agent: RunningAgent;
  readonly resumer: ApprovalResumer;
  close(): Promise<void>;
}

/**
 * Boots one communications replica as main.ts does: the agent (its report queue), the announcement of its
 * delivery sinks (`DEPLOYMENT_KEYS.delivery`, read by the door) and the ApprovalResumer beside it, on the
 * agent's connection. `close()` stops the resumer first, then drains the agent.
 */
export async function runCommunications(
  config: CommunicationsConfig,
  options: { readonly handleSignals?: boolean } = {},
): Promise<RunningCommunications> {
  const agent = await runAgent({
    profile: COMMUNICATIONS_PROFILE,
    module: CommunicationsModule.forRoot(config),
    transport: config.transport,
    agentEnv: config.agent,
    model: config.model,
    handleSignals: false,
  });
  const announcement = deliveryCapabilities(config.sinks.enabled, config.transport.instanceId, new Date());
  await announceDelivery(agent.server.agentRuntime, announcement, (message) =>
    new Logger('DeliveryAnnouncement').warn(message),
  );
  let resumer: ApprovalResumer;
  try {
    resumer = await ApprovalResumer.start(
      agent.server.agentRuntime,
      {
        sweepMs: config.approval.APPROVAL_SWEEP_MS,
        resumeRetryMs: config.approval.APPROVAL_RESUME_RETRY_MS,
      },
      new Logger('ApprovalResumer'),
    );
  } catch (error) {
    await agent.close();
    throw error;
  }
  const running: RunningCommunications = {
    agent,
    resumer,
    close: async () => {
      await resumer.stop();
      await agent.close();
    },
  };
  if (options.handleSignals ?? true) closeOnSignals(running);
  return running;
}
