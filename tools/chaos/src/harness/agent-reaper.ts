import type { ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
let installed = false;

function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

/**
 * Remembers an agent process so it is SIGKILLed when the chaos runner exits, even on an uncaught error: a chaos
 * run never leaves agents behind. (The NATS fixture does the same for the servers it spawns.)
 */
export function reapOnExit(child: ChildProcess): void {
  if (!installed) {
    installed = true;
    process.once('exit', killAll);
  }
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** Kills every remembered agent now (used by the CLI's SIGINT handler). */
export function reapAllNow(): void {
  killAll();
}
