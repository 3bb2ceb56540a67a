import { rm } from 'node:fs/promises';

import type { NatsProcess } from './nats-process.js';
import type { NatsServerHandle } from './nats-server-handle.js';

/** Everything a {@link SpawnedNatsServer} needs; built by `startSpawnedNats` and `startNatsCluster`. */
export interface SpawnedNatsServerParts {
  readonly process: NatsProcess;
  readonly port: number;
  readonly monitorPort: number;
  readonly storeDir: string;
  /** Directory the fixture created and removes on `stop()`; `undefined` when the caller owns the store. */
  readonly ownedDir: string | undefined;
  /** Runs before every (re)start: recreates whatever `stop()` removed (store dir, config file). */
  readonly prepare: () => Promise<void>;
}

/** A {@link NatsServerHandle} for a `nats-server` child process on 127.0.0.1. */
export class SpawnedNatsServer implements NatsServerHandle {
  readonly url: string;
  readonly port: number;
  readonly monitorUrl: string;
  readonly external = false;
  readonly storeDir: string;

  constructor(private readonly parts: SpawnedNatsServerParts) {
    this.port = parts.port;
    this.url = `nats://127.0.0.1:${parts.port}`;
    this.monitorUrl = `http://127.0.0.1:${parts.monitorPort}`;
    this.storeDir = parts.storeDir;
  }

  /** Starts the process for the first time; on failure removes the owned directory. */
  async start(): Promise<void> {
    try {
      await this.parts.prepare();
      await this.parts.process.start();
    } catch (error) {
      await this.removeOwnedDir();
      throw error;
    }
  }

  async stop(): Promise<void> {
    await this.parts.process.stop();
    await this.removeOwnedDir();
  }

  async kill(): Promise<void> {
    await this.parts.process.kill();
  }

  async restart(): Promise<void> {
    await this.parts.process.stop();
    await this.parts.prepare();
    await this.parts.process.start();
  }

  private async removeOwnedDir(): Promise<void> {
    if (this.parts.ownedDir !== undefined) await rm(this.parts.ownedDir, { recursive: true, force: true });
  }
}
