import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every gateway role: the laptop login of `swarm dev` may do everything the console offers. */
export const GATEWAY_ROLES = ['viewer', 'submitter', 'approver', 'operator'] as const;

/** The name of the tokens file `swarm dev` writes into its state directory. */
export const GATEWAY_TOKENS_FILE_NAME = 'gateway-tokens.json';

/** A login for the local gateway: the bearer token in clear and the tokens file that holds its hash. */
export interface GatewayLogin {
  /** The bearer token (256 random bits, base64url): printed once, never written to disk. */
  readonly token: string;
  /** The `GATEWAY_TOKENS_FILE` the gateway reads: the token's sha256 and its roles, mode 0600. */
  readonly tokensFile: string;
}

/**
 * The tokens file's content for one static token: `[{ name, sha256, roles }]`, the format of the gateway's
 * `GATEWAY_TOKENS_FILE` (the hash only, so the file gives no login away). Pure.
 */
export function gatewayTokensJson(token: string, name: string): string {
  const sha256 = createHash('sha256').update(token, 'utf8').digest('hex');
  return `${JSON.stringify([{ name, sha256, roles: [...GATEWAY_ROLES] }], null, 2)}\n`;
}

/**
 * Makes a fresh random token with every role and writes its hash to `<dir>/gateway-tokens.json`, readable by
 * the owner only (0600, also when the file was there before). A new run replaces the previous token.
 */
export function writeGatewayLogin(dir: string, name = 'swarm-dev'): GatewayLogin {
  const token = randomBytes(32).toString('base64url');
  mkdirSync(dir, { recursive: true });
  const tokensFile = path.join(dir, GATEWAY_TOKENS_FILE_NAME);
  writeFileSync(tokensFile, gatewayTokensJson(token, name), { mode: 0o600 });
  chmodSync(tokensFile, 0o600);
  return { token, tokensFile };
}
