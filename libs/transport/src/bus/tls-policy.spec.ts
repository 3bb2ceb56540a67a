import { hostOf, isLoopbackHost, plaintextRefusal, tlsWanted } from './tls-policy.js';

const required = (natsUrl: string, files: Record<string, string> = {}) =>
  plaintextRefusal({ natsUrl, requireTls: true, ...files });

describe('requireTls', () => {
  it.each([
    'nats://127.0.0.1:4222',
    'nats://127.8.9.10:4222',
    'nats://localhost:4222',
    'nats://[::1]:4222',
    'nats://[::ffff:127.0.0.1]:4222',
    '127.0.0.1:4222',
    'nats://user:secret@localhost:4222,nats://127.0.0.1:4223',
  ])('allows plaintext to a loopback server (%s)', (url) => {
    expect(required(url)).toBeUndefined();
  });

  it.each([
    'nats://10.0.0.5:4222',
    'nats://nats:4222',
    'nats://nats.example.internal:4222',
    'nats://[2001:db8::1]:4222',
    'nats://127.0.0.1:4222,nats://nats-1:4222',
    'nats-1:4222',
  ])('refuses plaintext to a non-loopback server (%s)', (url) => {
    expect(required(url)).toMatch(/plaintext to a non-loopback nats server is refused/);
  });

  it('names the refused hosts without the credentials of the url', () => {
    const refusal = required('nats://cli:hunter2@nats-0:4222');
    expect(refusal).toContain('nats-0');
    expect(refusal).not.toContain('hunter2');
  });

  it('allows a tls:// url to any server', () => {
    expect(required('tls://nats:4222')).toBeUndefined();
    expect(required('tls://10.0.0.5:4222,tls://10.0.0.6:4222')).toBeUndefined();
  });

  it('allows a nats:// url when tls files are set (the client then insists on tls)', () => {
    expect(required('nats://nats:4222', { natsTlsCa: '/etc/nats/ca.pem' })).toBeUndefined();
    expect(
      required('nats://nats:4222', { natsTlsCert: '/etc/nats/c.pem', natsTlsKey: '/etc/nats/c.key' }),
    ).toBeUndefined();
  });

  it('refuses nothing when off', () => {
    expect(plaintextRefusal({ natsUrl: 'nats://10.0.0.5:4222', requireTls: false })).toBeUndefined();
  });
});

describe('tls policy helpers', () => {
  it('wants tls for a tls:// url or any tls file, not for a plain nats:// url', () => {
    expect(tlsWanted({ natsUrl: 'TLS://nats:4222', requireTls: false })).toBe(true);
    expect(tlsWanted({ natsUrl: 'nats://nats:4222', requireTls: false, natsTlsCa: 'ca.pem' })).toBe(true);
    expect(tlsWanted({ natsUrl: 'nats://nats:4222', requireTls: true })).toBe(false);
  });

  it('reads the host of every url form', () => {
    expect(hostOf('nats://u:p@Nats-0:4222')).toBe('nats-0');
    expect(hostOf('tls://[::1]:4222')).toBe('::1');
    expect(hostOf('localhost:4222')).toBe('localhost');
  });

  it('counts only loopback addresses as loopback', () => {
    expect(['127.0.0.1', '127.255.0.1', '::1', 'localhost', '::ffff:127.0.0.1'].every(isLoopbackHost)).toBe(
      true,
    );
    expect(['128.0.0.1', '10.0.0.1', '::2', 'localhost.example.com', '0.0.0.0'].some(isLoopbackHost)).toBe(
      false,
    );
  });
});
