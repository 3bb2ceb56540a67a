/** The environment variables the fixture reads, parsed once per call to `startNats`. */
export interface FixtureEnv {
  /** `NATS_URL`: use this running server instead of starting one. */
  readonly natsUrl: string | undefined;
  /** `DOCKER_HOST`: where the container engine listens, when not the default socket. */
  readonly dockerHost: string | undefined;
  /** `PATH`: where `nats-server` (and `setpriv`) are looked up. */
  readonly path: string | undefined;
}

/** Reads the fixture's environment variables; empty strings count as unset. The only place that reads `process.env`. */
export function readFixtureEnv(env: NodeJS.ProcessEnv = process.env): FixtureEnv {
  return {
    natsUrl: nonEmpty(env['NATS_URL']),
    dockerHost: nonEmpty(env['DOCKER_HOST']),
    path: nonEmpty(env['PATH']),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
