import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JetStreamLimits, Permissions } from '@nats-io/jwt';
import {
  createAccount,
  createOperator,
  createUser,
  encodeAccount,
  encodeOperator,
  encodeUser,
  fmtCreds,
} from '@nats-io/jwt';

/** A user to issue: its name (unique across accounts) and, optionally, its permissions. */
export interface OperatorUserSpec {
  readonly name: string;
  /** `pub`/`sub` allow and deny lists, `resp` for reply rights. Default: everything allowed. */
  readonly permissions?: Permissions;
}

/** An account to issue, with its users. */
export interface OperatorAccountSpec {
  readonly name: string;
  readonly users: readonly OperatorUserSpec[];
  /** JetStream limits of the account; `false` disables JetStream. Default: enabled without limits. */
  readonly jetstream?: false | Partial<JetStreamLimits>;
}

/** What {@link generateOperatorJwts} wrote and what a nats-server configuration needs to trust it. */
export interface OperatorJwts {
  /**
   * nats-server configuration lines for operator mode: `operator`, `system_account` and a `MEMORY` resolver
   * preloaded with every account JWT. Append TLS or other blocks as needed.
   */
  readonly serverConfig: string;
  /** Path of the operator JWT file. */
  readonly operatorJwtFile: string;
  /** Public key of each account by name (the `SYS` system account included). */
  readonly accounts: Readonly<Record<string, string>>;
  /** Path of each user's credentials file (user JWT + nkey seed) by user name. */
  readonly creds: Readonly<Record<string, string>>;
}

const UNLIMITED_ACCOUNT = {
  subs: -1,
  data: -1,
  payload: -1,
  imports: -1,
  exports: -1,
  wildcards: true,
  conn: -1,
  leaf: -1,
} as const;

const UNLIMITED_JETSTREAM = { mem_storage: -1, disk_storage: -1, streams: -1, consumer: -1 } as const;

/**
 * Issues a throwaway operator, a system account `SYS` and the given accounts and users with the maintained
 * `@nats-io/jwt` library, writes the operator JWT and one `.creds` file per user into `dir`, and returns the
 * server configuration that trusts them. For tests: the operator and account seeds are not kept.
 */
export async function generateOperatorJwts(
  dir: string,
  spec: { readonly accounts: readonly OperatorAccountSpec[]; readonly operatorName?: string },
): Promise<OperatorJwts> {
  await mkdir(dir, { recursive: true });
  const operator = createOperator();
  const system = createAccount();
  const operatorJwt = await encodeOperator(spec.operatorName ?? 'swarm-test', operator, {
    system_account: system.getPublicKey(),
  });
  const operatorJwtFile = join(dir, 'operator.jwt');
  await writeFile(operatorJwtFile, operatorJwt);

  const preload: [string, string][] = [
    [
      system.getPublicKey(),
      await encodeAccount('SYS', system, { limits: UNLIMITED_ACCOUNT }, { signer: operator }),
    ],
  ];
  const accounts: Record<string, string> = { SYS: system.getPublicKey() };
  const creds: Record<string, string> = {};
  for (const account of spec.accounts) {
    const key = createAccount();
    const jetstream = account.jetstream === false ? {} : { ...UNLIMITED_JETSTREAM, ...account.jetstream };
    const jwt = await encodeAccount(
      account.name,
      key,
      { limits: { ...UNLIMITED_ACCOUNT, ...jetstream } },
      { signer: operator },
    );
    preload.push([key.getPublicKey(), jwt]);
    accounts[account.name] = key.getPublicKey();
    for (const user of account.users) {
      const userKey = createUser();
      const userJwt = await encodeUser(user.name, userKey, key, { ...user.permissions });
      const file = join(dir, `${user.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.creds`);
      await writeFile(file, fmtCreds(userJwt, userKey), { mode: 0o600 });
      creds[user.name] = file;
    }
  }
  const serverConfig = [
    `operator: ${JSON.stringify(operatorJwtFile)}`,
    `system_account: ${system.getPublicKey()}`,
    'resolver: MEMORY',
    'resolver_preload: {',
    ...preload.map(([publicKey, jwt]) => `  ${publicKey}: ${JSON.stringify(jwt)}`),
    '}',
    '',
  ].join('\n');
  return { serverConfig, operatorJwtFile, accounts, creds };
}
