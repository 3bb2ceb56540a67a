import type { ChildProcess, StdioOptions } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `setpriv` (util-linux), which ties a spawned server to this process and can drop root. */
export const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));

/**
 * The path of the executable `name`: the first found on `PATH`, then in `/usr/bin`, `/usr/sbin`,
 * `/usr/local/bin`, then in `extraDirs`, leaving out the directories `skip` names; undefined when there is none.
 */
export function findBinary(
  name: string,
  extraDirs: readonly string[] = [],
  options: { readonly skip?: (dir: string) => boolean } = {},
): string | undefined {
  const dirs = (process.env['PATH'] ?? '')
    .split(':')
    .filter(Boolean)
    .concat(['/usr/bin', '/usr/sbin', '/usr/local/bin'], extraDirs)
    .filter((dir) => !options.skip?.(dir));
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

/** A system account a server that refuses root (PostgreSQL) runs as. */
export interface ServerUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/**
 * The account to run a root-refusing server as: undefined when this process is not root, else `postgres` when the
 * machine has it, else `nobody`. Reads `/etc/passwd`.
 */
export function unprivilegedUser(preferred = 'postgres'): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const entries = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'))
    .filter((fields) => fields.length >= 4);
  const entry =
    entries.find((fields) => fields[0] === preferred) ?? entries.find((fields) => fields[0] === 'nobody');
  if (!entry) return undefined;
  return { name: entry[0]!, uid: Number(entry[2]), gid: Number(entry[3]) };
}

/**
 * Spawns `binary args` tied to this process with `setpriv --pdeathsig KILL` where available (so no server
 * outlives a crashed run), as `user` when given (setpriv drops root for it; the death signal survives that).
 * The child's pid is the server's own: setpriv execs it.
 */
export function spawnServer(
  binary: string,
  args: readonly string[],
  options: {
    readonly env?: NodeJS.ProcessEnv;
    readonly user?: ServerUser;
    readonly stdio?: StdioOptions;
  } = {},
): ChildProcess {
  const stdio = options.stdio ?? 'ignore';
  const env = options.env ?? process.env;
  if (!SETPRIV) {
    if (options.user) throw new Error(`cannot run ${binary} as ${options.user.name} without setpriv`);
    return spawn(binary, [...args], { stdio, env });
  }
  const drop = options.user
    ? [`--reuid=${options.user.uid}`, `--regid=${options.user.gid}`, '--clear-groups']
    : [];
  return spawn(SETPRIV, [...drop, '--pdeathsig', 'KILL', '--', binary, ...args], { stdio, env });
}

/** Resolves once `child` has exited (at once when it already has). */
export function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

const leftovers = new Map<ChildProcess, string>();
let exitHooked = false;

/**
 * Makes sure `child` and its temp directory `dir` do not outlive this process even when it exits without
 * stopping them (an uncaught error, `process.exit` after Ctrl+C): on exit the child is killed and the directory
 * removed. Call the returned function once the server was stopped the normal way.
 */
export function removeOnExit(child: ChildProcess, dir: string): () => void {
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', removeLeftovers);
  }
  leftovers.set(child, dir);
  return () => void leftovers.delete(child);
}

function removeLeftovers(): void {
  for (const [child, dir] of leftovers) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
  leftovers.clear();
}
