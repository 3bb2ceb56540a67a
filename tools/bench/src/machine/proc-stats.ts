import { readFile } from 'node:fs/promises';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Resident set size of a process in bytes (`VmRSS` of /proc/<pid>/status), or undefined once it is gone. */
export async function readRssBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return parseVmRss(status);
  } catch {
    return undefined;
  }
}

/** Parses `VmRSS:   123456 kB` out of a /proc status file, in bytes. Pure. */
export function parseVmRss(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1_024 : undefined;
}

/** CPU time a process has used (user + system), in milliseconds, or undefined once it is gone. */
export async function readCpuMs(pid: number): Promise<number | undefined> {
  try {
    return parseProcStatCpuMs(await readFile(`/proc/${pid}/stat`, 'utf8')).own;
  } catch {
    return undefined;
  }
}

/**
 * Parses /proc/<pid>/stat: `own` = utime + stime, `reapedChildren` = cutime + cstime (children that exited and
 * were waited for), both in milliseconds. Pure.
 */
export function parseProcStatCpuMs(stat: string): { own: number; reapedChildren: number } {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17.
  const tick = (field: number) => Number(fields[field - 3]) * (1_000 / CLOCK_TICKS_PER_SECOND);
  return { own: tick(14) + tick(15), reapedChildren: tick(16) + tick(17) };
}

/**
 * CPU a process and all its descendants have used, in milliseconds: each live process's own time plus what its
 * reaped children used (so a child that exits between two readings still counts). For servers that fork, such
 * as PostgreSQL's postmaster and its backends. Undefined once `pid` is gone.
 */
export async function readTreeCpuMs(pid: number): Promise<number | undefined> {
  let stat: string;
  try {
    stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  const { own, reapedChildren } = parseProcStatCpuMs(stat);
  let total = own + reapedChildren;
  for (const child of await childPids(pid)) total += (await readTreeCpuMs(child)) ?? 0;
  return total;
}

async function childPids(pid: number): Promise<number[]> {
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Busy and total CPU time of the whole machine so far (all cores), in milliseconds, from /proc/stat. */
export async function readMachineCpuMs(): Promise<{ busy: number; total: number }> {
  return parseMachineCpuMs(await readFile('/proc/stat', 'utf8'));
}

/** Parses the `cpu` line of /proc/stat: busy = total - idle - iowait. Pure. */
export function parseMachineCpuMs(stat: string): { busy: number; total: number } {
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('no cpu line in /proc/stat');
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = ticks.reduce((sum, t) => sum + t, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const ms = 1_000 / CLOCK_TICKS_PER_SECOND;
  return { busy: (total - idle) * ms, total: total * ms };
}

/** CPU this process and every child it has reaped have used, in milliseconds. */
export async function readOwnTreeCpuMs(): Promise<number> {
  const { own, reapedChildren } = parseProcStatCpuMs(await readFile('/proc/self/stat', 'utf8'));
  return own + reapedChildren;
}

/** Pids of this process's live children whose command name is `comm` (e.g. `nats-server`). */
export async function findChildPids(comm: string): Promise<number[]> {
  try {
    const pids = await childPids(process.pid);
    const named = await Promise.all(
      pids.map(async (pid) => {
        const name = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
        return name.trim() === comm ? pid : undefined;
      }),
    );
    return named.filter((pid): pid is number => pid !== undefined);
  } catch {
    return [];
  }
}
