import { findChildPids, readCpuMs, readMachineCpuMs, readTreeCpuMs } from '../machine/proc-stats.js';
import type { CpuPerGoal } from '../stats/bench-results.js';

/**
 * CPU used by the stage processes, the broker (with every process it forked: PostgreSQL's backends) and this
 * harness between `start()` and `stop(goals)`.
 */
export class CpuMeter {
  private constructor(
    private readonly stagePids: readonly number[],
    private readonly brokerPids: readonly number[],
    private readonly before: {
      stages: number;
      broker: number;
      harness: NodeJS.CpuUsage;
      machine: { busy: number; total: number };
    },
  ) {}

  static async start(stagePids: readonly number[], broker: string): Promise<CpuMeter> {
    const brokerPids = await findChildPids(broker);
    return new CpuMeter(stagePids, brokerPids, {
      stages: await sumCpu(stagePids),
      broker: await sumCpu(brokerPids, readTreeCpuMs),
      harness: process.cpuUsage(),
      machine: await readMachineCpuMs(),
    });
  }

  /**
   * CPU per goal over the measured interval, in milliseconds, and the share of the machine's CPU that other
   * processes used meanwhile (busy time not spent by the stages, the broker or this harness).
   */
  async stop(goals: number): Promise<CpuPerGoal> {
    const harnessUsage = process.cpuUsage(this.before.harness);
    const stages = (await sumCpu(this.stagePids)) - this.before.stages;
    const broker = (await sumCpu(this.brokerPids, readTreeCpuMs)) - this.before.broker;
    const harness = (harnessUsage.user + harnessUsage.system) / 1_000;
    const machine = await readMachineCpuMs();
    const busy = machine.busy - this.before.machine.busy;
    const total = machine.total - this.before.machine.total;
    const per = (ms: number) => (goals > 0 ? ms / goals : Number.NaN);
    return {
      stages: per(stages),
      broker: per(broker),
      harness: per(harness),
      total: per(stages + broker + harness),
      othersShare: total > 0 ? Math.min(1, Math.max(0, (busy - stages - broker - harness) / total)) : 0,
    };
  }
}

async function sumCpu(
  pids: readonly number[],
  read: (pid: number) => Promise<number | undefined> = readCpuMs,
): Promise<number> {
  let total = 0;
  for (const pid of pids) total += (await read(pid)) ?? 0;
  return total;
}
