import { readRssBytes } from './process-rss.js';

/** A process to watch, with the label its samples are grouped under (e.g. the agent kind). */
export interface WatchedProcess {
  readonly label: string;
  readonly pid: number | undefined;
}

/** One sampling round: the RSS of every live watched process. */
export interface RssSample {
  readonly at: number;
  readonly bytesByPid: ReadonlyMap<number, { readonly label: string; readonly bytes: number }>;
}

/**
 * Samples the RSS of a changing set of processes every `intervalMs` (the set is asked for each round, so new
 * replicas are picked up). Keeps the per-label maximum and at most `maxSamples` rounds.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private readonly max = new Map<string, number>();
  private readonly samples: RssSample[] = [];
  private sampling: Promise<void> = Promise.resolve();

  constructor(
    private readonly processes: () => readonly WatchedProcess[],
    private readonly intervalMs = 1_000,
    private readonly maxSamples = 3_600,
  ) {}

  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.sampling = this.sampleOnce();
    };
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sampling;
  }

  /** Highest RSS seen per label, in bytes. */
  maxByLabel(): ReadonlyMap<string, number> {
    return this.max;
  }

  /** Every sampling round so far, oldest first. */
  history(): readonly RssSample[] {
    return this.samples;
  }

  private async sampleOnce(): Promise<void> {
    const bytesByPid = new Map<number, { label: string; bytes: number }>();
    for (const { label, pid } of this.processes()) {
      if (pid === undefined) continue;
      const bytes = await readRssBytes(pid);
      if (bytes === undefined) continue;
      bytesByPid.set(pid, { label, bytes });
      this.max.set(label, Math.max(this.max.get(label) ?? 0, bytes));
    }
    this.samples.push({ at: Date.now(), bytesByPid });
    if (this.samples.length > this.maxSamples) this.samples.shift();
  }
}
