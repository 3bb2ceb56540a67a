import { readRssBytes } from '../machine/proc-stats.js';

const MB = 1_024 * 1_024;

/** Reads each process's RSS once, in MB, keyed by label. */
export async function rssOnce(
  processes: readonly { label: string; pid: number }[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of processes) out[p.label] = ((await readRssBytes(p.pid)) ?? 0) / MB;
  return out;
}

/** Samples RSS peaks of a set of processes every `intervalMs` until stopped. */
export class RssPeakSampler {
  private readonly peaks: Record<string, number> = {};
  private readonly timer: NodeJS.Timeout;
  private sampling: Promise<void> = Promise.resolve();

  constructor(
    private readonly processes: readonly { label: string; pid: number }[],
    intervalMs = 100,
  ) {
    this.timer = setInterval(() => {
      this.sampling = this.sample();
    }, intervalMs);
  }

  /** Stops sampling and returns each process's peak RSS in MB. */
  async stop(): Promise<Record<string, number>> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample();
    return { ...this.peaks };
  }

  private async sample(): Promise<void> {
    const now = await rssOnce(this.processes);
    for (const [label, mb] of Object.entries(now)) this.peaks[label] = Math.max(this.peaks[label] ?? 0, mb);
  }
}
