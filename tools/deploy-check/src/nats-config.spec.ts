import { NATS_TLS_DIR, placeNatsConfig, placeTlsFiles } from './nats-config.js';

const config = `port: 4222
http_port: 8222
jetstream {
  store_dir: /data/jetstream
}
tls {
  cert_file: "${NATS_TLS_DIR}/tls.crt"
  key_file: "${NATS_TLS_DIR}/tls.key"
  ca_file: "${NATS_TLS_DIR}/ca.crt"
}
`;

describe('placeTlsFiles', () => {
  it('points every certificate file at the given directory', () => {
    const placed = placeTlsFiles(config, '/tmp/pki/nats');
    expect(placed).toContain('cert_file: "/tmp/pki/nats/tls.crt"');
    expect(placed).toContain('key_file: "/tmp/pki/nats/tls.key"');
    expect(placed).toContain('ca_file: "/tmp/pki/nats/ca.crt"');
    expect(placed).not.toContain(NATS_TLS_DIR);
  });

  it('throws when the config reads no certificate, so a moved mount fails loudly', () => {
    expect(() => placeTlsFiles('port: 4222\n', '/tmp/pki')).toThrow(
      /reads no certificate from \/etc\/nats-tls/,
    );
  });
});

describe('placeNatsConfig', () => {
  it('places ports, store and certificates together', () => {
    const placed = placeNatsConfig(config, {
      clientPort: 14222,
      monitorPort: 18222,
      storeDir: '/tmp/store',
      tlsDir: '/tmp/pki',
    });
    expect(placed).toMatch(/^port: 14222$/m);
    expect(placed).toMatch(/^http_port: 18222$/m);
    expect(placed).toContain('store_dir: "/tmp/store"');
    expect(placed).toContain('ca_file: "/tmp/pki/ca.crt"');
  });
});
