import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** One allow-list entry, parsed: a host name or IP address (lowercase, IPv6 without brackets) and maybe a port. */
export interface HostEntry {
  readonly host: string;
  readonly port?: number;
}

/**
 * Parses an allow-list entry: `host`, `host:port`, a bare IPv6 address, or `[ipv6]:port`. Returns undefined when
 * the entry is malformed. Pure.
 */
export function parseHostEntry(entry: string): HostEntry | undefined {
  const text = entry.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed) return withPort(bracketed[1] ?? '', bracketed[2], (host) => isIP(host) === 6);
  if (isIP(text) === 6) return { host: text };
  const plain = /^([a-z0-9._-]+)(?::(\d{1,5}))?$/.exec(text);
  if (!plain) return undefined;
  return withPort(plain[1] ?? '', plain[2], (host) => !host.startsWith('.') && !host.startsWith('-'));
}

function withPort(
  host: string,
  port: string | undefined,
  valid: (host: string) => boolean,
): HostEntry | undefined {
  if (!valid(host)) return undefined;
  if (port === undefined) return { host: host.replace(/\.$/, '') };
  const number = Number(port);
  return number >= 1 && number <= 65_535 ? { host: host.replace(/\.$/, ''), port: number } : undefined;
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

/** One allow-list entry as a setting: `host`, `host:port`, a bare IPv6 address or `[ipv6]:port`. */
const hostEntrySetting = z
  .string()
  .trim()
  .toLowerCase()
  .refine((entry) => parseHostEntry(entry) !== undefined, {
    error: (issue) => `not a host or host:port: "${String(issue.input)}"`,
  });

/**
 * A list setting given as an array or as a comma-separated string (as an env variable gives it): parts are
 * trimmed, empty parts dropped, and each must pass `item`.
 */
export function commaListSetting<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(',')
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : value,
    z.array(item),
  );
}

/**
 * An allow-list setting: host entries as a comma list (see `commaListSetting`), each parsed by `parseHostEntry`.
 * Use it in an agent's config schema for its `..._ALLOW_HOSTS` variable.
 */
export const AllowHostsSetting = commaListSetting(hostEntrySetting);

/** A true/false setting given as a boolean or as the text `true`/`false` (as an env variable gives it). */
export const FlagSetting = z.union(
  [z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')],
  { error: 'must be true or false' },
);
