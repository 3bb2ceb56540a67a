import { isIP } from 'node:net';

/** The settings that decide whether a connection is encrypted. */
export interface TlsPolicyInput {
  readonly natsUrl: string;
  readonly natsTlsCa?: string | undefined;
  readonly natsTlsCert?: string | undefined;
  readonly natsTlsKey?: string | undefined;
  readonly requireTls: boolean;
}

/** The server URLs of a comma-separated `natsUrl`, trimmed, empty entries dropped. */
export function natsServerUrls(natsUrl: string): string[] {
  return natsUrl
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
}

/**
 * True when the client will insist on TLS: a CA, client certificate or key is set, or a URL says `tls://`
 * (nats.js then encrypts the connection to every server of the list, and fails against one without TLS).
 */
export function tlsWanted(settings: TlsPolicyInput): boolean {
  const files = [settings.natsTlsCa, settings.natsTlsCert, settings.natsTlsKey];
  return (
    files.some((file) => file !== undefined) ||
    natsServerUrls(settings.natsUrl).some((url) => url.toLowerCase().startsWith('tls://'))
  );
}

/** The host of a NATS URL (`nats://h:4222`, `tls://[::1]:4222`, `h:4222`), lowercase, without brackets. */
export function hostOf(url: string): string {
  const withScheme = url.includes('://') ? url : `nats://${url}`;
  try {
    return new URL(withScheme).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** True for 127.0.0.0/8, ::1 (and its IPv4-mapped form) and `localhost`: traffic that never leaves the host. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) {
    // ::1, and 127.0.0.0/8 mapped into IPv6 (as written, or as the URL parser normalises it: ::ffff:7fxx:xxxx).
    return host === '::1' || /^(0+:){7}0*1$/.test(host) || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(host);
  }
  return false;
}

/**
 * Why `requireTls` refuses these settings, or `undefined` when it does not: with `requireTls`, a plaintext
 * connection is allowed only to loopback servers. Pure (no DNS: a host name other than `localhost` counts as
 * remote).
 */
export function plaintextRefusal(settings: TlsPolicyInput): string | undefined {
  if (!settings.requireTls || tlsWanted(settings)) return undefined;
  const remote = natsServerUrls(settings.natsUrl)
    .map(hostOf)
    .filter((host) => !isLoopbackHost(host));
  if (remote.length === 0) return undefined;
  return (
    `plaintext to a non-loopback nats server is refused (${remote.join(', ')}): ` +
    'use a tls:// url or set the tls ca/certificate files'
  );
}
