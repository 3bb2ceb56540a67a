import path from 'node:path';
import { run, tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';

/** The shipped certificate script of the compose TLS setup; the tests make their certificates with it too. */
export const GENERATE_CERTS = path.join(REPO_ROOT, 'deploy/tls/generate-certs.sh');

/** A directory holding ca.crt, tls.crt and tls.key (the key names of a cert-manager Secret). */
export interface TlsFiles {
  readonly dir: string;
  readonly ca: string;
  readonly cert: string;
  readonly key: string;
}

/** A CA made by deploy/tls/generate-certs.sh with the NATS certificate and one client certificate per user. */
export interface TestPki {
  readonly dir: string;
  /** The NATS certificate (client port and routes; names nats, localhost and 127.0.0.1). */
  readonly nats: TlsFiles;
  /** The client certificate of a user. Throws when the script was not asked for one. */
  client(user: string): TlsFiles;
}

const filesIn = (dir: string): TlsFiles => ({
  dir,
  ca: path.join(dir, 'ca.crt'),
  cert: path.join(dir, 'tls.crt'),
  key: path.join(dir, 'tls.key'),
});

/**
 * Runs deploy/tls/generate-certs.sh into a fresh temp dir (removed by `stopAll`): a new CA each call, so two
 * calls give two CAs that do not trust each other. Throws with the script's output when it fails.
 */
export async function generateTestPki(clients: readonly string[]): Promise<TestPki> {
  const dir = tempDir('pki');
  const result = await run('bash', [GENERATE_CERTS, dir], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'], SWARM_TLS_CLIENTS: clients.join(' '), SWARM_TLS_DAYS: '2' },
  });
  if (result.code !== 0) throw new Error(`generate-certs.sh failed (${result.code}):\n${result.output}`);
  return {
    dir,
    nats: filesIn(path.join(dir, 'nats')),
    client: (user) => {
      if (!clients.includes(user)) throw new Error(`no client certificate for ${user} was generated`);
      return filesIn(path.join(dir, user));
    },
  };
}

/** The transport's TLS variables for a client certificate (libs/transport settings). */
export function tlsEnv(files: TlsFiles): Record<string, string> {
  return { NATS_TLS_CA: files.ca, NATS_TLS_CERT: files.cert, NATS_TLS_KEY: files.key };
}
