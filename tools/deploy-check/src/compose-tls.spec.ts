import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from './agents.js';
import { parseCompose } from './compose-file.js';
import { NATS_TLS_DIR } from './nats-config.js';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const compose = parseCompose(read('docker-compose.yml'));
const override = parseCompose(read('docker-compose.tls.yml'));
const TLS_FILES = ['ca.crt', 'tls.crt', 'tls.key'].map((file) => `${NATS_TLS_DIR}/${file}`);
/** The client certificates deploy/tls/generate-certs.sh issues when SWARM_TLS_CLIENTS is unset. */
const scriptClients = (
  /clients=\$\{SWARM_TLS_CLIENTS-([^}]*)\}/.exec(read('deploy/tls/generate-certs.sh'))?.[1] ?? ''
)
  .split(' ')
  .filter((name) => name !== '');
/** A config without its comment lines and its top-level tls block. */
const withoutTls = (config: string) =>
  config
    .replace(/^tls \{\n(?: {2}.*\n)*\}\n/m, '')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');

describe('docker-compose.tls.yml', () => {
  const clients = [...SERVICES, 'cli'];

  it('overrides only services of docker-compose.yml: NATS and every NATS client', () => {
    expect(Object.keys(override.services).sort()).toEqual(['nats', ...clients].sort());
  });

  it('runs NATS on deploy/nats/nats-tls.conf with the NATS certificate mounted where the config reads it', () => {
    const nats = override.services['nats'];
    expect(nats?.command).toEqual(['-c', '/etc/nats/nats-tls.conf']);
    expect(nats?.volumes).toEqual([
      './deploy/nats/nats-tls.conf:/etc/nats/nats-tls.conf:ro',
      `./deploy/tls/certs/nats:${NATS_TLS_DIR}:ro`,
    ]);
    const config = read('deploy/nats/nats-tls.conf');
    expect([...new Set([...config.matchAll(/"(\/[^"]+)"/g)].map((m) => m[1]))].sort()).toEqual(TLS_FILES);
    expect(config).toMatch(/^\s+verify: true$/m);
  });

  it.each(clients)('connects %s over tls:// with its own certificate from generate-certs.sh', (client) => {
    const service = override.services[client];
    const user = compose.services[client]?.environment?.['NATS_USER'];
    expect(user).toBe(client);
    expect(service?.volumes).toEqual([`./deploy/tls/certs/${client}:${NATS_TLS_DIR}:ro`]);
    expect(scriptClients).toContain(client);
    const env = service?.environment ?? {};
    expect(env['NATS_URL']).toBe(
      compose.services[client]?.environment?.['NATS_URL']?.replace('nats://', 'tls://'),
    );
    expect([env['NATS_TLS_CA'], env['NATS_TLS_CERT'], env['NATS_TLS_KEY']]).toEqual(TLS_FILES);
    expect(env['SWARM_REQUIRE_TLS']).toBe('true');
  });
});

describe('deploy/nats/nats-tls.conf', () => {
  it('is deploy/nats/nats.conf plus the tls block (apart from comments), so the two cannot drift apart', () => {
    const tls = read('deploy/nats/nats-tls.conf');
    expect(tls).toMatch(/^tls \{$/m);
    expect(withoutTls(tls)).not.toMatch(/tls \{/);
    expect(withoutTls(tls)).toBe(withoutTls(read('deploy/nats/nats.conf')));
  });

  it('is mounted next to auth.conf, which it includes', () => {
    expect(read('deploy/nats/nats-tls.conf')).toMatch(/^include \.\/auth\.conf$/m);
    expect(compose.services['nats']?.volumes).toContain('./deploy/nats/auth.conf:/etc/nats/auth.conf:ro');
    expect(existsSync(path.join(root, 'deploy/tls/generate-certs.sh'))).toBe(true);
  });
});
