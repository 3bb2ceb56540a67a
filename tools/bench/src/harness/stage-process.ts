import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { BenchError } from '../errors.js';
import { SETPRIV } from './server-process.js';

const KEPT_LINES = 200;

/** One stage replica running as its own process. */
export class StageProcess {
  private readonly lines: string[] = [];
  private readonly exited: Promise<number | null>;
  private readonly wake = new Set<() => void>();
  private ready: string | undefined;

  private constructor(
    readonly label: string,
    private readonly child: ChildProcess,
  ) {
    const collect = (stream: NodeJS.ReadableStream | null) => {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const parts = (rest + chunk.toString()).split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) {
          this.lines.push(line);
          if (this.lines.length > KEPT_LINES) this.lines.shift();
        }
        for (const wake of this.wake) wake();
      });
    };
    collect(child.stdout);
    collect(child.stderr);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /**
   * Starts `node <entry>` with `env` (tied to this process with `setpriv --pdeathsig` where available, so no
   * replica outlives a crashed run) and resolves once it prints a `READY` line.
   * @throws {BenchError} `stage-not-ready` with its last output when it exits or stays silent too long.
   */
  static async start(options: {
    readonly label: string;
    readonly entry: string;
    readonly env: Readonly<Record<string, string | undefined>>;
    readonly nodeArgs?: readonly string[];
    readonly readyTimeoutMs?: number;
  }): Promise<StageProcess> {
    const args = [...(options.nodeArgs ?? []), options.entry];
    const [file, argv] = SETPRIV
      ? [SETPRIV, ['--pdeathsig', 'KILL', '--', process.execPath, ...args]]
      : [process.execPath, args];
    const child = spawn(file, argv, { env: { ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stage = new StageProcess(options.label, child);
    await stage.waitForReady(options.readyTimeoutMs ?? 60_000);
    return stage;
  }

  /** The process id (the node process itself: setpriv execs it). */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** The port its READY line named (`port=<n>`: a worker that listens), else undefined. */
  get port(): number | undefined {
    const match = this.ready ? / port=(\d+)/.exec(this.ready) : null;
    return match ? Number(match[1]) : undefined;
  }

  /** The last lines it printed. */
  output(): string {
    return this.lines.slice(-20).join('\n');
  }

  /** Asks it to stop (SIGTERM), then kills it after `graceMs`; resolves with its exit code. */
  async stop(graceMs = 15_000): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private waitForReady(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (why: string) =>
        finish(() => {
          this.child.kill('SIGKILL');
          reject(new BenchError('stage-not-ready', `${this.label} ${why}; last output:\n${this.output()}`));
        });
      const check = () => {
        this.ready = this.lines.find((line) => line.startsWith('READY '));
        if (this.ready) finish(resolve);
      };
      const onExit = (code: number | null) => fail(`exited (${code}) before it was ready`);
      const timer = setTimeout(() => fail(`printed no READY line within ${timeoutMs}ms`), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.wake.delete(check);
        this.child.off('exit', onExit);
        settle();
      };
      this.wake.add(check);
      this.child.once('exit', onExit);
      check();
    });
  }
}
