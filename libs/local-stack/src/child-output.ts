import type { ChildProcess } from 'node:child_process';

/** How many output lines of a child process are kept (the oldest go first). */
export const KEPT_OUTPUT_LINES = 2_000;

/**
 * Splits a child's stdout and stderr into lines as they arrive: each complete line is appended to the returned
 * array (the last `KEPT_OUTPUT_LINES` kept), handed to `onLine`, and `onChunk` runs after every chunk.
 */
export function collectLines(
  child: ChildProcess,
  onLine?: (line: string) => void,
  onChunk?: () => void,
): string[] {
  const lines: string[] = [];
  const follow = (stream: NodeJS.ReadableStream | null) => {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > KEPT_OUTPUT_LINES) lines.shift();
        onLine?.(line);
      }
      onChunk?.();
    });
  };
  follow(child.stdout);
  follow(child.stderr);
  return lines;
}
