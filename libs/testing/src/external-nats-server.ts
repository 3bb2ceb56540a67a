import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';
import type { NatsServerHandle } from './nats-server-handle.js';

const DEFAULT_NATS_PORT = 4222;

/** A {@link NatsServerHandle} for a server the fixture does not own (`NATS_URL`): stop does nothing. */
export class ExternalNatsServer implements NatsServerHandle {
  readonly port: number;
  readonly monitorUrl = undefined;
  readonly external = true;
  readonly storeDir = undefined;

  /** @param url `NATS_URL` as given; may be a comma-separated list, the first entry gives `port`. */
  constructor(readonly url: string) {
    this.port = portOf(url);
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  kill(): Promise<void> {
    return Promise.reject(this.notOurs('kill'));
  }

  restart(): Promise<void> {
    return Promise.reject(this.notOurs('restart'));
  }

  private notOurs(action: string): FixtureError {
    return new FixtureError(
      FIXTURE_ERROR_CODES.ExternalServer,
      `cannot ${action} the external server ${this.url} (from NATS_URL); use startNats({ forceSpawn: true }) for crash tests`,
    );
  }
}

/** Client port of the first URL in a comma-separated NATS server list; 4222 when none is given. */
export function portOf(url: string): number {
  const first = url.split(',')[0]!.trim();
  try {
    const parsed = new URL(first.includes('://') ? first : `nats://${first}`);
    return parsed.port === '' ? DEFAULT_NATS_PORT : Number(parsed.port);
  } catch {
    return DEFAULT_NATS_PORT;
  }
}
