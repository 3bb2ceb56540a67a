import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { HTTP_GUARD_ERROR_CODES, HttpGuardError } from './errors.js';
import { effectivePort, normalizeHost, parseHostEntry } from './host-entry.js';
import type { HostEntry } from './host-entry.js';
import { redactSecrets, redactUrl } from './redact.js';

/** What kind of address an IP is; only `public` may be fetched without an allow-list entry. */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

const IPV4_CLASSES: Readonly<Record<string, AddressClass>> = {
  unicast: 'public',
  // AS112 and AMT anycast ranges are globally reachable services.
  as112: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'cgnat',
  private: 'private',
  reserved: 'reserved',
};

const IPV6_CLASSES: Readonly<Record<string, AddressClass>> = {
  unicast: 'public',
  as112v6: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'link-local',
  multicast: 'multicast',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'private',
};

/**
 * Classifies an IP address (IPv4, IPv6 with or without brackets or zone). IPv6 forms that carry an IPv4 address
 * (IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are classified by
 * the embedded IPv4 address; deprecated IPv4-compatible `::a.b.c.d`, Teredo, documentation, benchmarking and
 * any range not known to be public count as `reserved`. Never throws: a malformed address is `invalid`. Pure.
 */
export function classifyAddress(ip: string): AddressClass {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (!ipaddr.isValid(bare)) return 'invalid';
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return classifyIpv4(address as ipaddr.IPv4);
  return classifyIpv6(address as ipaddr.IPv6);
}

function classifyIpv4(address: ipaddr.IPv4): AddressClass {
  return IPV4_CLASSES[address.range()] ?? 'reserved';
}

function classifyIpv6(address: ipaddr.IPv6): AddressClass {
  const range = address.range();
  const parts = address.parts;
  const embedded = (high: number, low: number) =>
    classifyIpv4(new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]));
  switch (range) {
    case 'ipv4Mapped':
      return classifyIpv4(address.toIPv4Address());
    case 'rfc6145':
      return embedded(parts[6] ?? 0, parts[7] ?? 0);
    case 'rfc6052':
      // 64:ff9b::/96 embeds the IPv4 address in the last 32 bits; the local-use 64:ff9b:1::/48 is not public.
      return parts[2] === 0 ? embedded(parts[6] ?? 0, parts[7] ?? 0) : 'reserved';
    case '6to4':
      return embedded(parts[1] ?? 0, parts[2] ?? 0);
    case 'unicast':
      // ::a.b.c.d (IPv4-compatible, deprecated): some stacks still route it to the IPv4 address.
      return parts.slice(0, 6).every((part) => part === 0) ? 'reserved' : 'public';
    default:
      return IPV6_CLASSES[range] ?? 'reserved';
  }
}

/** Where a guarded fetch may connect. */
export interface SsrfPolicy {
  /** Allow every non-public address (loopback, private, link-local...). Only for closed test setups. */
  readonly allowPrivateNetworks: boolean;
  /**
   * Hosts allowed even when they resolve to non-public addresses: `host` (any port) or `host:port` (see
   * `parseHostEntry`). An entry matches the URL's host, or (when it is an IP address) the address connected to.
   */
  readonly allowHosts: readonly string[];
  /** The setting a refusal names as the way to allow a host, e.g. `SCRAPER_ALLOW_HOSTS`. */
  readonly allowHostsSetting?: string;
}

/**
 * Parses an absolute http(s) URL without credentials. Throws HttpGuardError `invalid-url` (permanent) otherwise;
 * the message shows the URL redacted.
 */
export function parseHttpUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.invalidUrl,
      `not an absolute url: "${redactSecrets(String(url))}"`,
      error,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.invalidUrl,
      `refused ${redactUrl(parsed)} : only http and https urls are fetched, not ${parsed.protocol}`,
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.invalidUrl,
      `refused ${parsed.origin} : the url carries credentials`,
    );
  }
  return parsed;
}

function matches(entries: readonly HostEntry[], host: string, port: number): boolean {
  return entries.some((entry) => normalizeHost(entry.host) === host && (entry.port ?? port) === port);
}

/**
 * Checks that `url` may be fetched when its host resolves to `resolvedAddresses` (pass `[]` before resolving:
 * an IP-literal host is always checked itself). Allowed: `allowPrivateNetworks`, a URL host(:port) on
 * `allowHosts`, or every address either public or itself on `allowHosts` (with the URL's port). Returns the
 * parsed URL. Throws HttpGuardError `invalid-url` or `ssrf-refused` (both permanent). Pure.
 */
export function assertAllowedTarget(
  url: string | URL,
  resolvedAddresses: readonly string[],
  policy: SsrfPolicy,
): URL {
  const target = parseHttpUrl(url);
  if (policy.allowPrivateNetworks) return target;
  const entries = policy.allowHosts.flatMap((entry) => parseHostEntry(entry) ?? []);
  const host = normalizeHost(target.hostname);
  const port = effectivePort(target);
  if (matches(entries, host, port)) return target;
  const addresses = isIP(host) !== 0 ? [host, ...resolvedAddresses] : resolvedAddresses;
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'public' || (kind !== 'invalid' && matches(entries, normalizeHost(address), port))) continue;
    const hint = policy.allowHostsSetting === undefined ? '' : `; allow it with ${policy.allowHostsSetting}`;
    throw HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.ssrfRefused,
      `refused ${redactUrl(target)} : resolves to ${address} (${kind})${hint}`,
    );
  }
  return target;
}
