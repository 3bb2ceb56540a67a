import { randomBytes } from 'node:crypto';

let counter = 0;

/**
 * Returns a name no other call in any process is likely to return: `<prefix>_<pid>_<counter>_<random>`.
 *
 * The result uses only `[A-Za-z0-9_-]`, so it is valid as a JetStream stream or consumer name, a KV bucket
 * name and a single subject token. Characters of `prefix` outside that set (dots, spaces, wildcards) are
 * replaced with `_`. Pure apart from the counter and randomness; never throws.
 */
export function uniqueName(prefix: string): string {
  counter += 1;
  const safePrefix = prefix.replace(/[^A-Za-z0-9_-]/g, '_');
  const random = randomBytes(4).toString('hex');
  return `${safePrefix}_${process.pid}_${counter.toString(36)}_${random}`;
}
