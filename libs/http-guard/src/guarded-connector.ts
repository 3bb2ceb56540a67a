import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { isError } from './fetch-failure.js';
import { assertAllowedTarget } from './ssrf-guard.js';
import type { SsrfPolicy } from './ssrf-guard.js';

/** Resolves a host name to the addresses to connect to, in preference order. */
export type ResolveHost = (hostname: string) => Promise<readonly string[]>;

/** Resolves with the system resolver (`getaddrinfo`, as Node's own connect does), every address, in its order. */
export const resolveWithSystemDns: ResolveHost = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Builds an undici connector that closes the DNS-rebinding gap: it resolves the host itself, runs
 * `assertAllowedTarget` on every resolved address (with the request's port), and connects to those exact
 * addresses, in order, moving to the next on a connection error. TLS still verifies the certificate against
 * the host name (SNI and identity check use the original host). IP-literal hosts are checked without DNS.
 * A refused target fails the connection with the guard's HttpGuardError (`ssrf-refused`), which undici hands to
 * the request as is.
 */
export function createGuardedConnector(
  policy: SsrfPolicy,
  options: { readonly resolve?: ResolveHost | undefined; readonly connectTimeoutMs: number },
): buildConnector.connector {
  const resolve = options.resolve ?? resolveWithSystemDns;
  const connect = buildConnector({ timeout: options.connectTimeoutMs });
  return (connectOptions, callback) => {
    const { hostname, protocol, port } = connectOptions;
    const host = connectOptions.host ?? (isIP(hostname) === 6 ? `[${hostname}]` : hostname);
    const origin = `${protocol}//${host}${connectOptions.host === undefined && port ? `:${port}` : ''}`;
    const addresses = async (): Promise<readonly string[]> => {
      if (isIP(hostname) !== 0) {
        assertAllowedTarget(origin, [], policy);
        return [hostname];
      }
      const resolved = await resolve(hostname);
      assertAllowedTarget(origin, resolved, policy);
      return resolved;
    };
    const attempt = (remaining: readonly string[], lastError: Error | undefined): void => {
      const [address, ...rest] = remaining;
      if (address === undefined) {
        callback(lastError ?? new Error(`${hostname} resolved to no address`), null);
        return;
      }
      connect({ ...connectOptions, hostname: address }, (...result) => {
        if (result[0] === null) callback(...result);
        else attempt(rest, result[0]);
      });
    };
    addresses().then(
      (list) => attempt(list, undefined),
      (error: unknown) => callback(isError(error) ? error : new Error(String(error)), null),
    );
  };
}
