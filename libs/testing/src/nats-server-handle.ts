/**
 * A NATS server a test can use: where it listens, and how to stop, crash and revive it.
 * Returned by `startNats`, and once per node by `startNatsCluster`.
 */
export interface NatsServerHandle {
  /** Client URL, e.g. `nats://127.0.0.1:42817`; for an external server, `NATS_URL` as given. */
  readonly url: string;
  /** Client port on the host. */
  readonly port: number;
  /**
   * Base URL of the HTTP monitoring endpoint (`/varz`, `/jsz`, `/healthz`), e.g. `http://127.0.0.1:42818`;
   * `undefined` for an external server.
   */
  readonly monitorUrl: string | undefined;
  /** True when the server came from `NATS_URL`: the fixture does not own it, and `stop()` does nothing. */
  readonly external: boolean;
  /** The JetStream store directory on this machine; `undefined` for external and container-backed servers. */
  readonly storeDir: string | undefined;
  /** Stops the server gracefully and removes the store directory if the fixture created it. Idempotent. */
  stop(): Promise<void>;
  /**
   * SIGKILLs the server, keeping its store directory, for crash tests.
   * @throws {FixtureError} `NATS_EXTERNAL_SERVER` for an external server.
   */
  kill(): Promise<void>;
  /**
   * Starts the server again on the same port with the same store (after `kill()`, or after `stop()` when the
   * store directory was the caller's); if it is still running it is stopped gracefully first. Resolves when it
   * serves clients again.
   * @throws {FixtureError} `NATS_EXTERNAL_SERVER` for an external server; `NATS_CONTAINER_UNAVAILABLE` for a
   *   container-backed server after `stop()` (its container is removed); start errors as for `startNats`.
   */
  restart(): Promise<void>;
}

/** Options for `startNats`. */
export interface StartNatsOptions {
  /** Client port to use; default a free random loopback port. Ignored for an external server. */
  readonly port?: number;
  /**
   * JetStream store directory to use (created if missing, never removed by `stop()`); default a fresh temp
   * directory that `stop()` removes. Only the spawned-binary path uses it.
   */
  readonly storeDir?: string;
  /**
   * Always spawn a local `nats-server` binary: ignore `NATS_URL` and any container engine. Use it for tests
   * that need a server they own on this machine (kill/restart, store-dir checks).
   */
  readonly forceSpawn?: boolean;
}
