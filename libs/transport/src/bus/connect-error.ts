import type { TransportSettings } from '../settings.js';
import { TRANSPORT_ENV } from '../settings.js';
import { tlsWanted } from './tls-policy.js';

interface ErrorLike {
  readonly message: string;
  readonly code?: unknown;
  readonly cause?: unknown;
}

/** The error and its causes (duck-typed: Node's own errors may come from another realm than `Error`). */
function causes(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let e = error; chain.length < 5; e = (e as ErrorLike).cause) {
    if (typeof e !== 'object' || e === null || typeof (e as ErrorLike).message !== 'string') break;
    chain.push(e as ErrorLike);
  }
  return chain;
}

/** True for an error of Node's TLS layer or of a certificate check (whatever nats.js wrapped it in). */
function isTlsFailure(error: unknown): boolean {
  return causes(error).some(
    (e) =>
      /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(
        typeof e.code === 'string' ? e.code : '',
      ) || /certificate|ssl|tls|handshake/i.test(e.message),
  );
}

function messageChain(error: unknown): string {
  const parts: string[] = [];
  for (const e of causes(error)) if (!parts.some((part) => part.includes(e.message))) parts.push(e.message);
  return parts.length === 0 ? String(error) : parts.join(': ');
}

/** The configured server URLs without the credentials a URL may carry. */
function serversOf(settings: TransportSettings): string {
  return settings.natsUrl
    .split(',')
    .map((url) => url.trim().replace(/\/\/[^@/]*@/, '//'))
    .join(',');
}

/**
 * The error `BusConnection.open` throws when the first connect fails, worded by cause: credentials refused
 * (the server's "Authorization Violation" kept in the text), TLS handshake failed, or no server answered.
 */
export function connectError(settings: TransportSettings, error: unknown): Error {
  const detail = messageChain(error);
  const where = serversOf(settings);
  if (/authorization violation|authentication/i.test(detail)) {
    return new Error(`nats at ${where} refused the credentials: ${detail}`, { cause: error });
  }
  if (isTlsFailure(error)) {
    return new Error(`tls handshake failed with nats at ${where}: ${detail}`, { cause: error });
  }
  // Over TLS 1.3 a server that wants a client certificate drops the connection after the handshake, and the
  // client sees only a timeout.
  const hint =
    tlsWanted(settings) && settings.natsTlsCert === undefined && /timeout/i.test(detail)
      ? ` (a server that requires a client certificate drops a client without one: set ${TRANSPORT_ENV.natsTlsCert} and ${TRANSPORT_ENV.natsTlsKey})`
      : '';
  return new Error(`cannot reach nats at ${where}: ${detail}${hint}`, { cause: error });
}

/**
 * The error `BusConnection.open` throws when the JetStream account info request fails after connecting: a
 * permission the client needs was denied (its reply prefix, or `$JS.API.>`), or JetStream is off.
 */
export function jetstreamError(settings: TransportSettings, error: unknown): Error {
  const detail = messageChain(error);
  if (/permission/i.test(detail)) {
    return new Error(
      `nats at ${serversOf(settings)} denied a permission the transport needs (replies come on ` +
        `"${settings.natsInboxPrefix}.>", set by ${TRANSPORT_ENV.natsInboxPrefix}): ${detail}`,
      { cause: error },
    );
  }
  return new Error(`jetstream is not enabled on ${serversOf(settings)}: ${detail}`, { cause: error });
}
