import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayTokensJson, writeGatewayLogin } from './gateway-login.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gateway-login-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('gatewayTokensJson', () => {
  it('holds the hash of the token with every role, never the token itself', () => {
    const json = gatewayTokensJson('s3cret-token', 'laptop');
    expect(JSON.parse(json)).toEqual([
      {
        name: 'laptop',
        sha256: sha256('s3cret-token'),
        roles: ['viewer', 'submitter', 'approver', 'operator'],
      },
    ]);
    expect(json).not.toContain('s3cret-token');
  });
});

describe('writeGatewayLogin', () => {
  it('writes the tokens file readable by its owner only, with the hash of the token it returns', () => {
    const login = writeGatewayLogin(path.join(dir, 'state'));
    expect(login.tokensFile).toBe(path.join(dir, 'state', 'gateway-tokens.json'));
    expect(statSync(login.tokensFile).mode & 0o777).toBe(0o600);
    const [entry] = JSON.parse(readFileSync(login.tokensFile, 'utf8')) as { sha256: string }[];
    expect(entry?.sha256).toBe(sha256(login.token));
    expect(login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('makes a new token each run and tightens a tokens file left readable by others', () => {
    const file = path.join(dir, 'gateway-tokens.json');
    writeFileSync(file, '[]', { mode: 0o644 });
    const first = writeGatewayLogin(dir);
    const second = writeGatewayLogin(dir);
    expect(second.token).not.toBe(first.token);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(sha256(second.token));
  });
});
