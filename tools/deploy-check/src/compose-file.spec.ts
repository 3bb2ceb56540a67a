import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AGENTS, GATEWAY, SERVICES } from './agents.js';
import type { ComposeService } from './compose-file.js';
import { interpolate, interpolatedNames, parseCompose } from './compose-file.js';
import { natsUsers } from './nats-config.js';

const root = path.resolve(__dirname, '../../..');
const compose = parseCompose(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
const users = natsUsers(readFileSync(path.join(root, 'deploy/nats/auth.conf'), 'utf8'));
const service = (name: string): ComposeService => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const env = (name: string) => service(name).environment ?? {};
const passwordOf = (user: string) => users.find((u) => u.user === user)?.passwordVariable;

describe('docker-compose.yml', () => {
  it('runs nats, jaeger, the docs server, the four agents, the gateway and the CLI', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['cli', 'docs', 'jaeger', 'nats', ...SERVICES].sort(),
    );
  });

  it('runs a pinned NATS with JetStream state on a volume, its deploy config and a health check', () => {
    const nats = service('nats');
    expect(nats.image).toMatch(/^nats:\d+\.\d+\.\d+-alpine$/);
    expect(nats.volumes).toEqual(
      expect.arrayContaining([
        './deploy/nats/nats.conf:/etc/nats/nats.conf:ro',
        './deploy/nats/auth.conf:/etc/nats/auth.conf:ro',
        'nats-data:/data',
      ]),
    );
    for (const volume of nats.volumes ?? []) {
      const source = volume.split(':')[0] ?? '';
      if (source.startsWith('./')) expect(existsSync(path.join(root, source))).toBe(true);
    }
    expect(nats.healthcheck?.test?.join(' ')).toMatch(/8222\/healthz\?js-enabled-only=true/);
  });

  it('gives NATS a password for every user of deploy/nats/auth.conf', () => {
    expect(users.map((u) => u.user).sort()).toEqual(['approver', 'cli', ...SERVICES].sort());
    for (const { passwordVariable } of users) expect(env('nats')[passwordVariable]).toBeDefined();
  });

  it('runs Jaeger v2 at a pinned version with OTLP over HTTP and the UI', () => {
    const jaeger = service('jaeger');
    expect(jaeger.image).toMatch(/^jaegertracing\/jaeger:2\.\d+\.\d+$/);
    expect(jaeger.ports?.join(' ')).toMatch(/:16686:16686/);
    expect(jaeger.ports?.join(' ')).toMatch(/:4318:4318/);
  });

  it.each(SERVICES)('builds %s from deploy/Dockerfile with its SERVICE', (agent) => {
    const build = service(agent).build;
    expect(build).toEqual({
      context: '.',
      dockerfile: 'deploy/Dockerfile',
      target: 'agent',
      args: { SERVICE: agent },
    });
  });

  it.each(SERVICES)('starts %s only once NATS is healthy', (agent) => {
    expect(service(agent).depends_on?.['nats']?.condition).toBe('service_healthy');
  });

  it.each(SERVICES)('connects %s as its own NATS user with the password NATS knows', (agent) => {
    const agentEnv = env(agent);
    expect(agentEnv['NATS_URL']).toBe('nats://nats:4222');
    expect(agentEnv['NATS_USER']).toBe(agent);
    const variable = passwordOf(agent);
    expect(interpolatedNames(agentEnv['NATS_PASSWORD'] ?? '')).toEqual([variable]);
    expect(interpolate(agentEnv['NATS_PASSWORD'] ?? '')).toBe(interpolate(env('nats')[variable ?? ''] ?? ''));
    expect(interpolate(agentEnv['NATS_PASSWORD'] ?? '')).not.toBe('');
  });

  it.each(SERVICES)('exports the traces of %s to Jaeger under its own service name', (agent) => {
    expect(env(agent)['OTEL_EXPORTER_OTLP_ENDPOINT']).toBe('http://jaeger:4318');
    expect(env(agent)['OTEL_SERVICE_NAME']).toBe(agent);
  });

  it.each(AGENTS)('health-checks the %s agent on /readyz of HEALTH_PORT', (agent) => {
    expect(env(agent)['HEALTH_PORT']).toBe('8080');
    const test = service(agent).healthcheck?.test ?? [];
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(test[3]).toMatch(/http:\/\/127\.0\.0\.1:8080\/readyz/);
  });

  it.each(AGENTS)('lets the %s agent scale: no container name, no host ports', (agent) => {
    expect(service(agent).container_name).toBeUndefined();
    expect(service(agent).ports).toBeUndefined();
  });

  it.each([...SERVICES, 'docs', 'cli'])(
    'runs %s with a read-only root filesystem and a tmpfs at /tmp',
    (name) => {
      expect(service(name).read_only).toBe(true);
      expect(service(name).tmpfs).toEqual(['/tmp']);
    },
  );

  it('publishes the gateway on loopback port 8080 only and health-checks it on /healthz of GATEWAY_PORT', () => {
    const gateway = service(GATEWAY);
    expect(gateway.ports).toEqual(['127.0.0.1:8080:8080']);
    expect(env(GATEWAY)['GATEWAY_PORT']).toBe('8080');
    const test = gateway.healthcheck?.test ?? [];
    expect(test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(test[3]).toMatch(/http:\/\/127\.0\.0\.1:8080\/healthz/);
  });

  it('gives the gateway its tokens file from a read-only mount of deploy/gateway/tokens, never tokens inline', () => {
    const [mount, ...more] = service(GATEWAY).volumes ?? [];
    expect(more).toEqual([]);
    const [source, target, mode] = (mount ?? '').split(':');
    expect(mode).toBe('ro');
    expect(existsSync(path.join(root, source ?? ''))).toBe(true);
    expect(path.dirname(env(GATEWAY)['GATEWAY_TOKENS_FILE'] ?? '')).toBe(target);
    expect(env(GATEWAY)['GATEWAY_TOKENS']).toBeUndefined();
    expect(env(GATEWAY)['GATEWAY_AUTH']).toBeUndefined();
  });

  it('serves the corpus docs on 4815 and points search and the scraper at it', () => {
    const docs = service('docs');
    expect(docs.command?.join(' ')).toMatch(/startDocsServer\(\{ host: '0\.0\.0\.0', port: 4815 \}\)/);
    expect(docs.healthcheck?.test?.join(' ')).toMatch(/127\.0\.0\.1:4815/);
    expect(env('search')['SEARCH_DOCS_BASE_URL']).toBe('http://docs:4815');
    expect(env('scraper')['SCRAPER_ALLOW_HOSTS']?.split(',')).toContain('docs:4815');
    expect(service('scraper').depends_on?.['docs']?.condition).toBe('service_healthy');
  });

  it('offers the CLI as a one-off tool connected as the cli user', () => {
    const cli = service('cli');
    expect(cli.profiles).toEqual(['tools']);
    expect(cli.build?.target).toBe('cli');
    expect(cli.environment?.['NATS_URL']).toBe('nats://nats:4222');
    expect(cli.environment?.['NATS_USER']).toBe('cli');
    expect(interpolatedNames(cli.environment?.['NATS_PASSWORD'] ?? '')).toEqual([passwordOf('cli')]);
  });
});

describe('interpolate', () => {
  it('takes a set variable over the default and the default when unset or empty', () => {
    expect(interpolate('${A:-x}', { A: 'set' })).toBe('set');
    expect(interpolate('${A:-x}', {})).toBe('x');
    expect(interpolate('${A:-x}', { A: '' })).toBe('x');
    expect(interpolate('$$A-${B}', { B: 'b' })).toBe('$A-b');
  });
});
