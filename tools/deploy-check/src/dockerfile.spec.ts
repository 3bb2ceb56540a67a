import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from './agents.js';
import { effective, execForm, parseDockerfile, stage, stageEnv, substituteArgs } from './dockerfile.js';
import { serviceCommand } from './entrypoint.js';

const root = path.resolve(__dirname, '../../..');
const dockerfile = parseDockerfile(readFileSync(path.join(root, 'deploy/Dockerfile'), 'utf8'));
const entrypoint = readFileSync(path.join(root, 'deploy/docker-entrypoint.sh'), 'utf8');
const stageNames = new Set(dockerfile.stages.map((s) => s.name));
const runSteps = (name: string) =>
  stage(dockerfile, name)
    .instructions.filter((i) => i.keyword === 'RUN')
    .map((i) => i.args);

describe('deploy/Dockerfile', () => {
  it('pins every base image to an exact release, never latest', () => {
    const bases = dockerfile.stages
      .map((s) => substituteArgs(s.from, dockerfile.globalArgs))
      .filter((from) => !stageNames.has(from));
    expect(bases.length).toBeGreaterThan(0);
    for (const image of bases) {
      expect(image).toMatch(/^[\w./-]+:\d+\.\d+\.\d+(-[\w.-]+)?$/);
      expect(image).not.toMatch(/:latest$/);
    }
  });

  it('builds on the Node major and minor that the workspace engines require', () => {
    const engines = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
    ).engines.node;
    const [wantMajor, wantMinor] = (/>=\s*(\d+)\.(\d+)/.exec(engines) ?? []).slice(1).map(Number);
    const image = substituteArgs(dockerfile.stages[0]?.from ?? '', dockerfile.globalArgs);
    const [major, minor] = (/^node:(\d+)\.(\d+)\./.exec(image) ?? []).slice(1).map(Number);
    expect(major).toBe(wantMajor);
    expect(minor).toBeGreaterThanOrEqual(wantMinor ?? Infinity);
  });

  it('installs with npm install (not npm ci) and builds every agent, the gateway and the CLI with nx', () => {
    const build = runSteps('build').join('\n');
    expect(build).toMatch(/npm install --no-audit --no-fund/);
    expect(build).not.toMatch(/npm ci\b/);
    for (const project of [...SERVICES.map((service) => `@swarm/${service}`), '@swarm/cli']) {
      expect(build).toMatch(new RegExp(`nx run-many -t build[^\\n]*${project}\\b`));
    }
  });

  it('ships production dependencies only in the runtime image, those of every service and the CLI', () => {
    const prodDeps = runSteps('prod-deps').join('\n');
    expect(prodDeps).toMatch(/npm install [^\n]*--omit=dev/);
    for (const project of [...SERVICES.map((service) => `@swarm/${service}`), '@swarm/cli']) {
      expect(prodDeps).toMatch(new RegExp(`-w ${project}\\b`));
    }
    const copiedModules = stage(dockerfile, 'runtime').instructions.filter(
      (i) => i.keyword === 'COPY' && /\/node_modules\b/.test(i.args),
    );
    expect(copiedModules.map((i) => i.args)).toEqual(['--from=prod-deps /app/node_modules ./node_modules']);
  });

  it.each(['agent', 'cli'])('runs the %s image as the non-root user 10001 from /app', (target) => {
    expect(effective(dockerfile, target, 'USER')?.args).toMatch(/^10001(:10001)?$/);
    expect(effective(dockerfile, target, 'WORKDIR')?.args).toBe('/app');
  });

  it('writes state only under /tmp so the root filesystem can be read-only', () => {
    const env = stageEnv(dockerfile, 'agent');
    expect(env['SWARM_STATE_DIR']).toMatch(/^\/tmp\//);
    expect(env['HOME']).toBe('/tmp');
  });

  it('health-checks an agent through its /healthz endpoint with node (no curl in slim images)', () => {
    const check = effective(dockerfile, 'agent', 'HEALTHCHECK')?.args ?? '';
    const argv = execForm(check.replace(/^(--\S+\s+)*CMD\s+/, ''));
    expect(argv?.slice(0, 2)).toEqual(['node', '-e']);
    expect(argv?.[2]).toMatch(/127\.0\.0\.1.*HEALTH_PORT\|\|8080.*\/healthz/);
    expect(effective(dockerfile, 'cli', 'HEALTHCHECK')?.args).toBe('NONE');
  });

  it('bakes the SERVICE build arg into SWARM_SERVICE for the entrypoint', () => {
    expect(stageEnv(dockerfile, 'agent', { SERVICE: 'ranker' })['SWARM_SERVICE']).toBe('ranker');
    expect(stageEnv(dockerfile, 'cli')['SWARM_SERVICE']).toBe('cli');
    expect(execForm(effective(dockerfile, 'agent', 'ENTRYPOINT')?.args ?? '')).toEqual([
      '/usr/local/bin/docker-entrypoint.sh',
    ]);
    expect(stage(dockerfile, 'runtime').instructions.map((i) => i.args)).toContain(
      'deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh',
    );
  });

  it.each(SERVICES)('starts %s with node services/<service>/dist/main.js', (agent) => {
    expect(serviceCommand(entrypoint, agent)).toEqual(['node', `services/${agent}/dist/main.js`]);
  });

  it('refuses to guess a service the entrypoint does not know', () => {
    expect(() => serviceCommand(entrypoint, 'fact-checker')).toThrow('no case branch for fact-checker');
  });
});
