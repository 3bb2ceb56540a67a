import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';

import { trackChild } from './child-registry.js';
import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';
import { binaryNotFound, NATS_SERVER_BINARY } from './nats-launcher.js';
import type { NatsLauncher } from './nats-launcher.js';

const STDERR_TAIL_LINES = 30;
const READY_POLL_MS = 50;
const DEFAULT_READY_TIMEOUT_MS = 15_000;
const GRACEFUL_STOP_MS = 10_000;
/** nats-server logs this once its listeners are up (the testcontainers NATS module waits for it too). */
const READY_LOG_LINE = 'Server is ready';

/** How to run one nats-server process and how to tell that it is ready. */
export interface NatsProcessSpec {
  /** How to exec nats-server, from `resolveNatsLauncher`. */
  readonly launcher: NatsLauncher;
  /** Command-line arguments for `nats-server`. */
  readonly args: readonly string[];
  /** The client port, named in error messages. */
  readonly port: number;
  /** Resolves true once the server serves clients; polled until then. Must not reject. */
  readonly isReady: () => Promise<boolean>;
  /** Give up (and SIGKILL the process) after this long. Default 15 s. */
  readonly readyTimeoutMs?: number;
  /** Called with every line the server logs (the error messages keep only the last ones). */
  readonly onLogLine?: (line: string) => void;
}

type ExitInfo =
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: NodeJS.Signals | null }
  | { readonly kind: 'spawn-error'; readonly error: NodeJS.ErrnoException };

interface Running {
  readonly child: ChildProcess;
  readonly ended: Promise<ExitInfo>;
  exit: ExitInfo | undefined;
}

/**
 * One `nats-server` child process that can be started, stopped, killed and started again with the same
 * arguments. Keeps the last lines of its stderr (nats-server logs there) for error messages.
 */
export class NatsProcess {
  private current: Running | undefined;
  private stderrTail: string[] = [];
  private partialLine = '';
  private loggedReady = false;

  constructor(private readonly spec: NatsProcessSpec) {}

  /** True while the process runs (started and not yet exited). */
  get running(): boolean {
    return this.current !== undefined && this.current.exit === undefined;
  }

  /** The last lines the server wrote to stderr, oldest first. */
  get recentLog(): string {
    return [...this.stderrTail, this.partialLine].filter((line) => line.trim() !== '').join('\n');
  }

  /**
   * Spawns the process and resolves once it has logged "Server is ready" (so the port is really this process's,
   * not another server's that won the port) and `isReady` says so.
   *
   * @throws {FixtureError} `NATS_BINARY_NOT_FOUND` when `nats-server` is not on PATH; `NATS_SERVER_EXITED` when
   *   it exits before it is ready (retryable when the log says a port was taken); `NATS_SERVER_NOT_READY` when
   *   it is not ready in time (the process is killed).
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.stderrTail = [];
    this.partialLine = '';
    this.loggedReady = false;
    const running = this.spawnChild();
    this.current = running;
    const deadline = Date.now() + (this.spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
    for (;;) {
      if (running.exit) throw this.exitedEarlyError(running.exit);
      if (this.loggedReady && (await this.spec.isReady())) {
        if (running.exit) throw this.exitedEarlyError(running.exit);
        return;
      }
      if (Date.now() >= deadline) {
        await this.kill();
        throw new FixtureError(
          FIXTURE_ERROR_CODES.ServerNotReady,
          `nats-server on port ${this.spec.port} was not ready after ${this.spec.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS}ms; last log lines:\n${this.recentLog}`,
          { retryable: true },
        );
      }
      await Promise.race([delay(READY_POLL_MS), running.ended]);
    }
  }

  /** Asks the server to shut down (SIGTERM) and waits for it; SIGKILLs it if it takes over 10 s. Idempotent. */
  async stop(): Promise<void> {
    const running = this.current;
    if (!running || running.exit) return;
    running.child.kill('SIGTERM');
    const timer = new AbortController();
    const escalate = delay(GRACEFUL_STOP_MS, 'timeout' as const, { signal: timer.signal }).catch(
      () => 'ended' as const,
    );
    const outcome = await Promise.race([running.ended.then(() => 'ended' as const), escalate]);
    timer.abort();
    if (outcome === 'timeout') await this.kill();
  }

  /** SIGKILLs the server (no shutdown, nothing flushed) and waits until it is gone. Idempotent. */
  async kill(): Promise<void> {
    const running = this.current;
    if (!running || running.exit) return;
    running.child.kill('SIGKILL');
    await running.ended;
  }

  private spawnChild(): Running {
    const { file, prefix } = this.spec.launcher;
    const child = spawn(file, [...prefix, ...this.spec.args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const running: Running = {
      child,
      exit: undefined,
      ended: new Promise<ExitInfo>((resolve) => {
        // 'close' (not 'exit'): stderr is fully read by then, so an early-exit error shows the whole reason.
        child.once('close', (code, signal) => resolve({ kind: 'exit', code, signal }));
        child.once('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'spawn-error', error }));
      }),
    };
    void running.ended.then((info) => {
      running.exit = info;
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => this.appendLog(chunk));
    // A forgotten handle must not keep the test process alive; the exit hook kills it instead.
    child.unref();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    if (child.pid !== undefined) trackChild(child);
    return running;
  }

  private appendLog(chunk: string): void {
    const lines = (this.partialLine + chunk).split('\n');
    this.partialLine = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      if (line.includes(READY_LOG_LINE)) this.loggedReady = true;
      this.spec.onLogLine?.(line);
      this.stderrTail.push(line);
    }
    const excess = this.stderrTail.length - STDERR_TAIL_LINES;
    if (excess > 0) this.stderrTail.splice(0, excess);
  }

  private exitedEarlyError(exit: ExitInfo): FixtureError {
    if (exit.kind === 'spawn-error') {
      if (exit.error.code === 'ENOENT') return binaryNotFound(exit.error);
      return new FixtureError(
        FIXTURE_ERROR_CODES.ServerExited,
        `could not spawn ${NATS_SERVER_BINARY}: ${exit.error.message}`,
        {
          cause: exit.error,
        },
      );
    }
    const how = exit.signal ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
    const log = this.recentLog;
    return new FixtureError(
      FIXTURE_ERROR_CODES.ServerExited,
      `nats-server on port ${this.spec.port} exited with ${how} before it was ready; last log lines:\n${log || '(no output)'}`,
      { retryable: /address already in use/i.test(log) },
    );
  }
}
