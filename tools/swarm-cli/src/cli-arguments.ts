import { InvalidArgumentError } from 'commander';
import { LIMITS } from '@swarm/contracts';

// Parsers of numeric flags. They throw commander's InvalidArgumentError, which the parser reports with the flag's
// name (`option '--top <n>' argument '0' is invalid. ...`) and `exitOf` turns into a usage error (exit 2).

/** A whole number of at least 1 (`--timeout`, `--limit`, `--stale-after`). Pure. */
export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a positive whole number');
  return n;
}

/** `--top`: a whole number from 1 to the contract's `LIMITS.topNMax`. Pure. */
export function parseTopN(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 1 || n > LIMITS.topNMax)
    throw new InvalidArgumentError(`must be a whole number from 1 to ${LIMITS.topNMax}`);
  return n;
}

/** A TCP port from 0 to 65535 (`--gateway-port`; 0 lets the OS pick a free one). Pure. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}

/** Adds a repeatable flag's value to the ones before it. Pure. */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
