import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { Authenticator, NodeConnectionOptions } from '@nats-io/transport-node';
import { credsAuthenticator } from '@nats-io/transport-node';
import { InvalidSettingsError } from '../errors.js';
import type { TransportSettings } from '../settings.js';
import { TRANSPORT_ENV } from '../settings.js';
import { natsServerUrls, tlsWanted } from './tls-policy.js';

/** Two `-----BEGIN ...-----` blocks: the user JWT, then the nkey seed (the shape nats.js parses). */
const CREDS_BLOCKS = /-{3,}[^\n]*-{3,}\n\s*\S+\s*\n\s*-{3,}[^\n]*-{3,}/g;

type FileSetting = 'natsCredsFile' | 'natsTlsCa' | 'natsTlsCert' | 'natsTlsKey';

function unreadable(setting: FileSetting, file: string, error: unknown): InvalidSettingsError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new InvalidSettingsError(`${TRANSPORT_ENV[setting]}: cannot read "${file}" (${reason})`);
}

async function checkReadable(setting: FileSetting, file: string | undefined): Promise<void> {
  if (file === undefined) return;
  await access(file, constants.R_OK).catch((error: unknown) => {
    throw unreadable(setting, file, error);
  });
}

/**
 * A creds authenticator that reads the file at every (re)connect, so a rotated file is used from the next
 * connection on; when the file cannot be read any more it keeps the last good content.
 */
async function credsFileAuthenticator(file: string): Promise<Authenticator> {
  let last = await readFile(file).catch((error: unknown) => {
    throw unreadable('natsCredsFile', file, error);
  });
  // Never print the content: it holds the nkey seed.
  if ((last.toString('utf8').match(CREDS_BLOCKS) ?? []).length < 2) {
    throw new InvalidSettingsError(
      `${TRANSPORT_ENV.natsCredsFile}: "${file}" is not a nats credentials file (no user jwt and nkey seed blocks)`,
    );
  }
  return credsAuthenticator(() => {
    try {
      last = readFileSync(file);
    } catch {
      // keep the last good content
    }
    return new Uint8Array(last);
  });
}

/**
 * The nats.js options for these settings: servers, user/password or token, the credentials file, TLS files
 * (`tls` is set whenever TLS is wanted, so a server without TLS is refused) and the reply prefix.
 * Checks that every file named can be read.
 *
 * @throws {InvalidSettingsError} naming the variable of a missing or unreadable file, or of a credentials file
 *   that does not hold a JWT and a seed (its content is never printed).
 */
export async function natsConnectOptions(
  settings: TransportSettings,
  name: string,
): Promise<NodeConnectionOptions> {
  await Promise.all([
    checkReadable('natsTlsCa', settings.natsTlsCa),
    checkReadable('natsTlsCert', settings.natsTlsCert),
    checkReadable('natsTlsKey', settings.natsTlsKey),
  ]);
  const authenticator =
    settings.natsCredsFile === undefined ? undefined : await credsFileAuthenticator(settings.natsCredsFile);
  const tls = tlsWanted(settings)
    ? {
        ...(settings.natsTlsCa === undefined ? {} : { caFile: settings.natsTlsCa }),
        ...(settings.natsTlsCert === undefined ? {} : { certFile: settings.natsTlsCert }),
        ...(settings.natsTlsKey === undefined ? {} : { keyFile: settings.natsTlsKey }),
      }
    : undefined;
  return {
    servers: natsServerUrls(settings.natsUrl),
    name,
    user: settings.natsUser,
    pass: settings.natsPassword,
    token: settings.natsToken,
    ...(authenticator === undefined ? {} : { authenticator }),
    ...(tls === undefined ? {} : { tls }),
    // Under requireTls a plaintext connection is allowed to loopback only: do not follow the cluster's
    // advertised (possibly remote) servers in plaintext.
    ...(settings.requireTls && tls === undefined ? { ignoreClusterUpdates: true } : {}),
    inboxPrefix: settings.natsInboxPrefix,
    timeout: settings.connectTimeoutMs,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: false,
    // Request timeouts would otherwise capture an async stack per request: a quarter of a stage's CPU (bench).
    noAsyncTraces: true,
  };
}
