import { readFile } from 'node:fs/promises';

/**
 * The resident set size in bytes from the text of `/proc/<pid>/status` (its `VmRSS:   12345 kB` line), or
 * `undefined` when the line is missing (a zombie, or not Linux). Pure.
 */
export function parseVmRss(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+)\s*kB\s*$/m.exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** Reads the RSS of a live process in bytes; `undefined` when it is gone or has no RSS line. */
export async function readRssBytes(pid: number): Promise<number | undefined> {
  try {
    return parseVmRss(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return undefined;
  }
}
