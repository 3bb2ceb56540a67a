import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { FIXTURE_ERROR_CODES, FixtureError } from './errors.js';

const run = promisify(execFile);
const OPENSSL = 'openssl';
const KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A certificate and its private key, as PEM file paths. */
export interface CertificatePair {
  readonly cert: string;
  readonly key: string;
}

/** The files {@link generatePki} wrote. */
export interface TestPki {
  /** PEM of the test CA's certificate (give it to servers and clients as the trusted CA). */
  readonly ca: string;
  /** The CA's certificate and key, to sign more certificates with {@link issueCertificate}. */
  readonly caPair: CertificatePair;
  /** A certificate for every name of `serverNames` (as SANs), usable for client and route listeners. */
  readonly server: CertificatePair;
  /** A client certificate per name of `clientNames` (the name is its CN), signed by the same CA. */
  readonly clients: Readonly<Record<string, CertificatePair>>;
}

/** Options for {@link generatePki}. */
export interface GeneratePkiOptions {
  /** Host names and IPs the server certificate is valid for. Default `localhost`, `127.0.0.1`, `::1`. */
  readonly serverNames?: readonly string[];
  /** A client certificate is issued per name. Default `['client']`. */
  readonly clientNames?: readonly string[];
  /** Days the certificates are valid. Default 2. */
  readonly days?: number;
}

async function openssl(args: readonly string[], cwd: string): Promise<void> {
  try {
    await run(OPENSSL, args, { cwd });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new FixtureError(FIXTURE_ERROR_CODES.OpensslFailed, `openssl ${args[0] ?? ''} failed: ${detail}`, {
      cause: error,
    });
  }
}

function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}

/**
 * Issues a certificate signed by `ca` into `dir` (`<name>.pem`, `<name>.key`), with `names` as SANs (IPs become
 * `IP:` entries) and the given extended key usages.
 *
 * @throws {FixtureError} `FIXTURE_OPENSSL_FAILED` with openssl's message.
 */
export async function issueCertificate(
  dir: string,
  ca: CertificatePair,
  options: {
    /** The certificate's CN, and its file name unless `fileBase` is given. */
    readonly name: string;
    readonly fileBase?: string;
    readonly names?: readonly string[];
    readonly usages: readonly ('serverAuth' | 'clientAuth')[];
    readonly days?: number;
  },
): Promise<CertificatePair> {
  const base = join(dir, fileName(options.fileBase ?? options.name));
  const extensions = [`extendedKeyUsage=${options.usages.join(',')}`, 'keyUsage=digitalSignature'];
  const names = options.names ?? [];
  if (names.length > 0) {
    const san = names.map((name) => (isIP(name) === 0 ? `DNS:${name}` : `IP:${name}`)).join(',');
    extensions.push(`subjectAltName=${san}`);
  }
  await writeFile(`${base}.ext`, `${extensions.join('\n')}\n`);
  await openssl(
    ['req', ...KEY_ARGS, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${options.name}`],
    dir,
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${base}.csr`,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-set_serial',
      `0x${randomBytes(8).toString('hex')}`,
      '-days',
      String(options.days ?? 2),
      '-extfile',
      `${base}.ext`,
      '-out',
      `${base}.pem`,
    ],
    dir,
  );
  return { cert: `${base}.pem`, key: `${base}.key` };
}

/**
 * Writes a throwaway PKI into `dir` with the `openssl` binary: a CA, one server certificate (client and
 * server auth, so it also serves route TLS) and client certificates. For tests only: keys are unencrypted.
 *
 * @throws {FixtureError} `FIXTURE_OPENSSL_FAILED` when openssl is missing or refuses.
 */
export async function generatePki(dir: string, options: GeneratePkiOptions = {}): Promise<TestPki> {
  await mkdir(dir, { recursive: true });
  const days = options.days ?? 2;
  const caPair = { cert: join(dir, 'ca.pem'), key: join(dir, 'ca.key') };
  await openssl(
    [
      'req',
      '-x509',
      ...KEY_ARGS,
      '-keyout',
      caPair.key,
      '-out',
      caPair.cert,
      '-days',
      String(days),
      '-subj',
      '/CN=swarm test ca',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  const server = await issueCertificate(dir, caPair, {
    name: 'server',
    names: options.serverNames ?? ['localhost', '127.0.0.1', '::1'],
    usages: ['serverAuth', 'clientAuth'],
    days,
  });
  const clients: Record<string, CertificatePair> = {};
  for (const name of options.clientNames ?? ['client']) {
    clients[name] = await issueCertificate(dir, caPair, {
      name,
      fileBase: `client-${name}`,
      usages: ['clientAuth'],
      days,
    });
  }
  return { ca: caPair.cert, caPair, server, clients };
}
