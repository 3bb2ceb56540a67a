import type { SwarmClient } from '@swarm/transport';
import { SwarmClient as Client, swarmTopology, transportSettingsFromEnv } from '@swarm/transport';
import { CliError, EXIT_CODES } from './errors.js';

/**
 * Connects to the bus named by NATS_URL (default nats://127.0.0.1:4222) and provisions the streams, so a goal
 * published before any agent starts is kept; with `provision: false` it only connects (what an approver's
 * commands do: a decision needs no stream of its own, and an approver's NATS user need not manage streams).
 * Throws CliError (exit 3) when no server answers.
 */
export async function connectClient(
  env: Readonly<Record<string, string | undefined>>,
  options: { readonly provision?: boolean } = {},
): Promise<SwarmClient> {
  const settings = transportSettingsFromEnv(env);
  try {
    return await Client.connect(settings, swarmTopology(), {
      provision: options.provision ?? true,
      name: 'swarm-cli',
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `no NATS with JetStream reachable at ${settings.natsUrl}: ${detail}. Start the swarm with "swarm dev" or set NATS_URL`,
      EXIT_CODES.natsUnreachable,
      { cause: error },
    );
  }
}
