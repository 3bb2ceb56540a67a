const CREDENTIAL_FLAGS = new Set(['--user', '--pass']);

/**
 * Drops `--user <value>` and `--pass <value>` from a nats-server command line. The testcontainers NATS module
 * always adds them (user `test`), but the fixture hands out a bare URL, which carries no credentials. Pure.
 */
export function withoutCredentials(command: readonly string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < command.length; i += 1) {
    const arg = command[i]!;
    if (CREDENTIAL_FLAGS.has(arg)) {
      const next = command[i + 1];
      if (next !== undefined && !next.startsWith('-')) i += 1;
      continue;
    }
    result.push(arg);
  }
  return result;
}
