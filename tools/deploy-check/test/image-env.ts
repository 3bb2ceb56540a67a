import { readFileSync } from 'node:fs';
import path from 'node:path';
import { interpolate, parseCompose, parseDockerfile, serviceCommand, stageEnv } from '../src/index.js';
import { tempDir } from './processes.js';
import { REPO_ROOT } from './render.js';

const dockerfile = parseDockerfile(readFileSync(path.join(REPO_ROOT, 'deploy/Dockerfile'), 'utf8'));
const compose = parseCompose(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
const entrypoint = readFileSync(path.join(REPO_ROOT, 'deploy/docker-entrypoint.sh'), 'utf8');

/** The Dockerfile, parsed. */
export const DOCKERFILE = dockerfile;
/** docker-compose.yml, parsed. */
export const COMPOSE = compose;

/** The argv the image's entrypoint runs for an agent, with `node` as this Node binary. */
export function imageCommand(agent: string): { file: string; args: string[] } {
  const [file, ...args] = serviceCommand(entrypoint, agent);
  return { file: file === 'node' ? process.execPath : (file ?? ''), args };
}

/**
 * The environment an agent container gets: the image's ENV, then the compose service's environment with its
 * defaults, with compose host names replaced by where those services run in the test (`hosts`, longest first),
 * and /tmp paths moved to a fresh temp directory. `overrides` come last.
 */
export function containerEnv(
  agent: string,
  hosts: Readonly<Record<string, string>>,
  overrides: Readonly<Record<string, string>> = {},
): NodeJS.ProcessEnv {
  const tmp = tempDir(agent);
  const byLength = Object.entries(hosts).sort(([a], [b]) => b.length - a.length);
  const rehost = (value: string) => byLength.reduce((text, [from, to]) => text.split(from).join(to), value);
  const image = Object.fromEntries(
    Object.entries(stageEnv(dockerfile, 'agent', { SERVICE: agent })).map(([key, value]) => [
      key,
      value.replace(/^\/tmp/, tmp),
    ]),
  );
  const composed = Object.fromEntries(
    Object.entries(compose.services[agent]?.environment ?? {}).map(([key, value]) => [
      key,
      rehost(interpolate(value)),
    ]),
  );
  return { PATH: process.env['PATH'], ...image, ...composed, ...overrides };
}
