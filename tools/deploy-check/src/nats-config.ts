import path from 'node:path';

/** A NATS user of deploy/nats/auth.conf and the environment variable holding its password. */
export interface NatsUser {
  readonly user: string;
  readonly passwordVariable: string;
}

/** The users an auth.conf declares, in order. Throws when a user's password is not an env reference. */
export function natsUsers(authConf: string): NatsUser[] {
  return [...authConf.matchAll(/^\s*user:\s*(\S+)\s*\n\s*password:\s*(\S+)/gm)].map(([, user, password]) => {
    const variable = /^\$(\w+)$/.exec(password ?? '');
    if (!variable)
      throw new Error(`user ${user}: password must be an environment reference, got ${password}`);
    return { user: user ?? '', passwordVariable: variable[1] ?? '' };
  });
}

/** Where the shipped configs read their certificates (ca.crt, tls.crt, tls.key): the mount of Secret nats-tls. */
export const NATS_TLS_DIR = '/etc/nats-tls';

/** Where a NATS config should listen and store, for running it on this machine. */
export interface LocalNatsPlacement {
  readonly clientPort: number;
  readonly monitorPort: number;
  readonly storeDir: string;
  readonly clusterPort?: number;
  readonly routes?: readonly string[];
  readonly pidFile?: string;
  /** A directory with ca.crt, tls.crt and tls.key to read instead of NATS_TLS_DIR. */
  readonly tlsDir?: string;
}

/**
 * Rewrites a deploy NATS config to run on this machine: ports, store directory, certificate directory and, for
 * the cluster variant, cluster port, routes and pid file. Everything else (users, permissions, limits) stays as shipped. Throws when a
 * setting to rewrite is missing, so a change to the config's shape fails loudly here.
 */
export function placeNatsConfig(config: string, placement: LocalNatsPlacement): string {
  let text = config;
  const replace = (pattern: RegExp, replacement: string, what: string) => {
    if (!pattern.test(text)) throw new Error(`the nats config has no ${what}`);
    text = text.replace(pattern, replacement);
  };
  replace(/^port: 4222$/m, `port: ${placement.clientPort}`, 'client port 4222');
  replace(/^http_port: 8222$/m, `http_port: ${placement.monitorPort}`, 'monitoring port 8222');
  replace(
    /^(\s*)store_dir: \S+$/m,
    `$1store_dir: ${JSON.stringify(placement.storeDir)}`,
    'jetstream store_dir',
  );
  if (placement.clusterPort !== undefined) {
    replace(/^(\s+)port: 6222$/m, `$1port: ${placement.clusterPort}`, 'cluster port 6222');
    const routes = (placement.routes ?? []).map((route) => `    ${route}`).join('\n');
    replace(/^(\s*routes: \[\n)(?:\s*nats:\/\/\S+\n)+(\s*\])/m, `$1${routes}\n$2`, 'cluster routes');
  }
  if (placement.tlsDir !== undefined) text = placeTlsFiles(text, placement.tlsDir);
  if (placement.pidFile !== undefined) {
    replace(/^pid_file: \S+$/m, `pid_file: ${JSON.stringify(placement.pidFile)}`, 'pid_file');
  }
  return text;
}

/**
 * Points every certificate file of a config (under NATS_TLS_DIR) at `dir` instead. Throws when the config reads
 * no file from NATS_TLS_DIR, so a moved mount fails loudly here.
 */
export function placeTlsFiles(config: string, dir: string): string {
  let placed = 0;
  const text = config.replace(
    new RegExp(`"${NATS_TLS_DIR}/(ca\\.crt|tls\\.crt|tls\\.key)"`, 'g'),
    (_match, file: string) => {
      placed += 1;
      return JSON.stringify(path.join(dir, file));
    },
  );
  if (placed === 0) throw new Error(`the nats config reads no certificate from ${NATS_TLS_DIR}`);
  return text;
}
