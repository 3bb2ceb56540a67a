/** Something that closes gracefully: a Nest application or microservice. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: close the app (stop pulling, drain in-flight tasks until the deadline, close the
 * connection) and exit 0; exit 1 if closing fails. A second signal exits at once. Use it instead of Nest's
 * `enableShutdownHooks()`, which re-raises the signal and so ends the process with a signal, not an exit code.
 */
export function closeOnSignals(
  app: Closable,
  signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(130);
    closing = true;
    process.stderr.write(`${signal}: draining in-flight tasks\n`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
}
