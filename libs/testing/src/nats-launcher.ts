import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';
import { readFixtureEnv } from './fixture-env.js';

/** The executable looked up on PATH. */
export const NATS_SERVER_BINARY = 'nats-server';
const SETPRIV = 'setpriv';

/** How to exec nats-server: `file` run with `prefix` before the server's own arguments. */
export interface NatsLauncher {
  readonly file: string;
  readonly prefix: readonly string[];
}

/**
 * Finds `nats-server` on PATH. Where util-linux `setpriv` is on PATH too (any Debian/Ubuntu), the server is
 * exec'd through `setpriv --pdeathsig KILL`, so the kernel kills it when the process that spawned it dies, even
 * by SIGKILL, or inside a test runner whose sandbox never sees the `exit` event.
 *
 * @throws {FixtureError} `NATS_BINARY_NOT_FOUND`, saying how to install it, when `nats-server` is not on PATH.
 */
export async function resolveNatsLauncher(pathList = readFixtureEnv().path): Promise<NatsLauncher> {
  const server = await findExecutable(NATS_SERVER_BINARY, pathList);
  if (server === undefined) throw binaryNotFound();
  const setpriv = process.platform === 'linux' ? await findExecutable(SETPRIV, pathList) : undefined;
  return setpriv === undefined
    ? { file: server, prefix: [] }
    : { file: setpriv, prefix: ['--pdeathsig', 'KILL', '--', server] };
}

/** The error for a missing `nats-server`, with install instructions. */
export function binaryNotFound(cause?: unknown): FixtureError {
  return new FixtureError(
    FIXTURE_ERROR_CODES.BinaryNotFound,
    `${NATS_SERVER_BINARY} binary not found on PATH; install it (Debian/Ubuntu: apt-get install nats-server) ` +
      'or set NATS_URL to a running server',
    { cause },
  );
}

async function findExecutable(name: string, pathList: string | undefined): Promise<string | undefined> {
  for (const dir of (pathList ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}
