/**
 * The command the image entrypoint runs for an agent when the container gets no arguments: the `exec` line of
 * the `case` branch whose pattern names the service, split into words, with `${SWARM_SERVICE}` replaced.
 * Throws when no branch names the service or the branch has no exec line.
 */
export function serviceCommand(script: string, service: string): string[] {
  const lines = script.split('\n').map((line) => line.trim());
  const branch = lines.findIndex((line) => {
    const pattern = /^([\w\s|-]+)\)$/.exec(line);
    return pattern !== null && (pattern[1] ?? '').split('|').some((name) => name.trim() === service);
  });
  if (branch < 0) throw new Error(`the entrypoint has no case branch for ${service}`);
  const exec = lines.slice(branch + 1).find((line) => line.startsWith('exec ') || line === ';;');
  if (!exec || exec === ';;') throw new Error(`the entrypoint branch for ${service} runs nothing`);
  return shellWords(exec.slice('exec '.length)).map((word) =>
    word.replace(/\$\{SWARM_SERVICE\}|\$SWARM_SERVICE\b/g, service),
  );
}

/** Splits a simple shell command into words: whitespace separates, double or single quotes group. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const [, double, single, plain] of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    words.push(double ?? single ?? plain ?? '');
  }
  return words;
}
