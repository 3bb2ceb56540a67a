import { isIP } from 'node:net';
import { TaskError } from '@swarm/transport/errors';
import ipaddr from 'ipaddr.js';
import { SCRAPE_ERROR_CODES } from '../domain/errors.js';
import { FETCH_POLICY_ENV, parseHostEntry } from './fetch-policy.js';
import type { FetchPolicy, HostEntry } from './fetch-policy.js';

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

/** The host as compared against allow-list entries: lowercase, no brackets or trailing dot, IPs normalized. */
export function normalizeHost(host: string): string {
  const bare = (host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host).toLowerCase();
  const trimmed = bare.endsWith('.') ? bare.slice(0, -1) : bare;
  return isIP(trimmed) !== 0 ? ipaddr.parse(trimmed).toString() : trimmed;
}

/** The port a URL connects to: its explicit port, or 80/443 for http/https. */
export function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/**
 * Parses an absolute http(s) URL without credentials. Throws TaskError `invalid-url` (permanent) otherwise.
 */
export function parseHttpUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw TaskError.permanent(SCRAPE_ERROR_CODES.invalidUrl, `not an absolute url: "${String(url)}"`, error);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw TaskError.permanent(
      SCRAPE_ERROR_CODES.invalidUrl,
      `refused ${parsed.href} : only http and https urls are fetched, not ${parsed.protocol}`,
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw TaskError.permanent(
      SCRAPE_ERROR_CODES.invalidUrl,
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
 * an IP-literal host is always checked itself). Allowed: `ssrf.allowPrivateNetworks`, a URL host(:port) on
 * `ssrf.allowHosts`, or every address either public or itself on `ssrf.allowHosts` (with the URL's port).
 * Returns the parsed URL. Throws TaskError `invalid-url` or `ssrf-refused` (both permanent). Pure.
 */
export function assertAllowedTarget(
  url: string | URL,
  resolvedAddresses: readonly string[],
  policy: FetchPolicy,
): URL {
  const target = parseHttpUrl(url);
  if (policy.ssrf.allowPrivateNetworks) return target;
  const entries = policy.ssrf.allowHosts.flatMap((entry) => parseHostEntry(entry) ?? []);
  const host = normalizeHost(target.hostname);
  const port = effectivePort(target);
  if (matches(entries, host, port)) return target;
  const addresses = isIP(host) !== 0 ? [host, ...resolvedAddresses] : resolvedAddresses;
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'public' || (kind !== 'invalid' && matches(entries, normalizeHost(address), port))) continue;
    throw TaskError.permanent(
      SCRAPE_ERROR_CODES.ssrfRefused,
      `refused ${target.href} : resolves to ${address} (${kind}); allow it with ${FETCH_POLICY_ENV['ssrf.allowHosts']}`,
    );
  }
  return target;
}
