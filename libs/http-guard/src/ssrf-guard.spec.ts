import { TaskError } from '@swarm/transport/errors';
import { assertAllowedTarget, classifyAddress } from './ssrf-guard.js';
import type { AddressClass, SsrfPolicy } from './ssrf-guard.js';

describe('classifyAddress', () => {
  const cases: [string, AddressClass][] = [
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.4.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.254', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['fec0::1', 'private'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:0:10.1.2.3', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::808:808', 'public'],
    ['64:ff9b:1::1', 'reserved'],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:0808:0808::1', 'public'],
    // IPv4-compatible (deprecated) addresses never count as public: ipaddr.js reads the dotted form as mapped.
    ['::127.0.0.1', 'loopback'],
    ['::7f00:1', 'reserved'],
    ['::808:808', 'reserved'],
    ['not-an-ip', 'invalid'],
    ['', 'invalid'],
    ['999.1.1.1', 'invalid'],
  ];

  it.each(cases)('classifies %s as %s', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});

describe('assertAllowedTarget', () => {
  const policy = (input: Partial<SsrfPolicy> = {}): SsrfPolicy => ({
    allowPrivateNetworks: false,
    allowHosts: [],
    allowHostsSetting: 'SCRAPER_ALLOW_HOSTS',
    ...input,
  });
  const refusal = (run: () => unknown): TaskError => {
    try {
      run();
    } catch (error) {
      if (error instanceof TaskError) return error;
      throw error;
    }
    throw new Error('expected a TaskError');
  };

  it('lets a public address through and returns the parsed url', () => {
    expect(assertAllowedTarget('https://docs.example.org/a?b=1', ['93.184.216.34'], policy()).href).toBe(
      'https://docs.example.org/a?b=1',
    );
  });

  it('refuses a host resolving to a private address, naming it and the setting that allows it', () => {
    const error = refusal(() => assertAllowedTarget('http://intranet.example/', ['10.0.0.5'], policy()));
    expect(error).toMatchObject({ code: 'ssrf-refused', retryable: false });
    expect(error.message).toBe(
      'refused http://intranet.example/ : resolves to 10.0.0.5 (private); allow it with SCRAPER_ALLOW_HOSTS',
    );
  });

  it('refuses when any one of several resolved addresses is not public', () => {
    const error = refusal(() => assertAllowedTarget('http://mixed.example/', ['8.8.8.8', '::1'], policy()));
    expect(error.message).toContain('::1 (loopback)');
  });

  it('checks an ip-literal host before any resolution, including ipv6 and ipv4-mapped forms', () => {
    expect(refusal(() => assertAllowedTarget('http://127.0.0.1:8080/', [], policy())).code).toBe(
      'ssrf-refused',
    );
    expect(refusal(() => assertAllowedTarget('http://[::1]/', [], policy())).code).toBe('ssrf-refused');
    expect(refusal(() => assertAllowedTarget('http://[::ffff:169.254.169.254]/', [], policy())).code).toBe(
      'ssrf-refused',
    );
    // The URL parser normalizes decimal and hex forms to a dotted quad.
    expect(refusal(() => assertAllowedTarget('http://2130706433/', [], policy())).message).toContain(
      '127.0.0.1',
    );
    expect(refusal(() => assertAllowedTarget('http://0x7f.1/', [], policy())).message).toContain('127.0.0.1');
  });

  it('refuses anything but absolute http(s) urls without credentials as invalid-url', () => {
    for (const url of [
      'ftp://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      '/relative',
      'http://u:p@example.org/',
    ]) {
      expect(refusal(() => assertAllowedTarget(url, [], policy()))).toMatchObject({
        code: 'invalid-url',
        retryable: false,
      });
    }
  });

  it('allows a listed host:port only on that port', () => {
    const allowed = policy({ allowHosts: ['127.0.0.1:4815'] });
    expect(assertAllowedTarget('http://127.0.0.1:4815/docs', [], allowed).port).toBe('4815');
    expect(refusal(() => assertAllowedTarget('http://127.0.0.1:4816/docs', [], allowed)).code).toBe(
      'ssrf-refused',
    );
  });

  it('allows a listed host name on any port, whatever it resolves to', () => {
    const allowed = policy({ allowHosts: ['docs.internal'] });
    expect(() => assertAllowedTarget('http://docs.internal:9000/', ['10.1.2.3'], allowed)).not.toThrow();
    expect(() => assertAllowedTarget('http://other.internal:9000/', ['10.1.2.3'], allowed)).toThrow(
      TaskError,
    );
  });

  it('allows a listed ip address as the address a name resolves to, with the default port', () => {
    const allowed = policy({ allowHosts: ['[::1]:80', '10.0.0.7'] });
    expect(() => assertAllowedTarget('http://dev.test/', ['::1'], allowed)).not.toThrow();
    expect(() => assertAllowedTarget('https://dev.test/', ['::1'], allowed)).toThrow(TaskError);
    expect(() => assertAllowedTarget('https://dev.test:8443/', ['10.0.0.7'], allowed)).not.toThrow();
  });

  it('shows a refused url redacted and names no setting when none is given', () => {
    const error = refusal(() =>
      assertAllowedTarget(
        'http://10.0.0.5/feed?api_key=SECRET',
        [],
        policy({ allowHostsSetting: undefined }),
      ),
    );
    expect(error.message).toBe(
      'refused http://10.0.0.5/feed?api_key=REDACTED : resolves to 10.0.0.5 (private)',
    );
  });

  it('allows everything when private networks are allowed', () => {
    const open = policy({ allowPrivateNetworks: true });
    expect(() => assertAllowedTarget('http://10.0.0.5/', ['10.0.0.5'], open)).not.toThrow();
  });
});
