import type { ChildProcess } from 'node:child_process';

const children = new Set<ChildProcess>();
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let hooksInstalled = false;

/**
 * Records a spawned server so it is SIGKILLed when this process exits or is told to stop (SIGINT, SIGTERM,
 * SIGHUP): a test run never leaves a nats-server behind, even when a test forgets its `afterAll`.
 */
export function trackChild(child: ChildProcess): void {
  installExitHooks();
  children.add(child);
  child.once('exit', () => children.delete(child));
}

function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  children.clear();
}

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.once('exit', killAllChildren);
  for (const signal of FORWARDED_SIGNALS) {
    process.once(signal, () => {
      killAllChildren();
      // Our listener was the only reason the default action (exit) did not happen: restore it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}
