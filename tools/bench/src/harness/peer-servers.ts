import type { BenchInfra } from '../systems/pipeline-driver.js';
import type { SystemId } from '../systems/system-ids.js';
import type { PostgresHandle } from './postgres-server.js';
import { startPostgres } from './postgres-server.js';
import type { RestateHandle } from './restate-server.js';
import { startRestate } from './restate-server.js';

/** The private servers of the agent-orchestration peers in a pass: only those the selected systems need. */
export interface PeerServers {
  readonly infra: Pick<BenchInfra, 'postgresUrl' | 'restate'>;
  /** Server versions for the report. */
  readonly versions: { readonly postgres?: string; readonly restate?: string };
  /** Stops them and removes their directories. */
  stop(): Promise<void>;
}

/**
 * Starts a private PostgreSQL when LangGraph runs and a private `restate-server` when Restate runs (stopping
 * what already started when one fails).
 * @throws {BenchError} `infra-unavailable` from the server that did not start.
 */
export async function startPeerServers(systems: readonly SystemId[]): Promise<PeerServers> {
  let postgres: PostgresHandle | undefined;
  let restate: RestateHandle | undefined;
  const stop = async () => {
    await restate?.stop();
    await postgres?.stop();
  };
  try {
    if (systems.includes('langgraph')) postgres = await startPostgres();
    if (systems.includes('restate')) restate = await startRestate();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    infra: {
      ...(postgres ? { postgresUrl: postgres.url } : {}),
      ...(restate ? { restate: { ingressUrl: restate.ingressUrl, adminUrl: restate.adminUrl } } : {}),
    },
    versions: {
      ...(postgres ? { postgres: postgres.version } : {}),
      ...(restate ? { restate: restate.version } : {}),
    },
    stop,
  };
}
