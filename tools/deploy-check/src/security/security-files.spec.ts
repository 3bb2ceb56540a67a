import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSecurityFiles, readAccessConfig } from './security-files.js';
import { tenantIdentities } from './identities.js';
import { natsPermissions } from './nats-permissions.js';
import { parseAccessConfig } from './access-config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const shipped = readAccessConfig(root);
const identities = tenantIdentities(shipped.tenants[0]!);
const rightsOf = (user: string) => {
  const identity = identities.find((i) => i.user === user);
  if (!identity) throw new Error(`no user ${user}`);
  return natsPermissions(identity.user, identity.role);
};
/** Whether a NATS subject pattern list allows a concrete subject (`*` one token, `>` the rest). */
const allows = (patterns: readonly string[], subject: string) =>
  patterns.some((pattern) => {
    const want = pattern.split('.');
    const got = subject.split('.');
    for (let i = 0; i < want.length; i++) {
      if (want[i] === '>') return got.length > i;
      if (want[i] !== '*' && want[i] !== got[i]) return false;
    }
    return want.length === got.length;
  });

describe('the generated security files', () => {
  it.each(buildSecurityFiles(root).map((file) => [file.path, file.content]))(
    '%s is current (run `npm run generate:security` after changing deploy/nats/access.json or the roles)',
    (file, content) => {
      expect(readFileSync(path.join(root, file), 'utf8')).toBe(content);
    },
  );
});

describe('natsPermissions', () => {
  const agents = ['search', 'scraper', 'ranker', 'communications'];

  it.each([...agents, 'cli'])('gives %s no right to write an approval decision', (user) => {
    expect(allows(rightsOf(user).publish, '$KV.swarm-goals.g-1.decision.approver')).toBe(false);
  });

  it('lets an approver write a decision under its own name only', () => {
    const rights = rightsOf('approver');
    expect(allows(rights.publish, '$KV.swarm-goals.g-1.decision.approver')).toBe(true);
    expect(allows(rights.publish, '$KV.swarm-goals.g-1.decision.alice')).toBe(false);
    expect(allows(rights.publish, '$KV.swarm-goals.g-1.approval')).toBe(false);
    expect(allows(rights.publish, 'swarm.evt.g-1.approval.granted')).toBe(false);
  });

  it.each(identities.map((i) => i.user))('never lets %s purge, update or delete a stream', (user) => {
    const publish = rightsOf(user).publish;
    for (const stream of [
      'SWARM_EVENTS',
      'KV_swarm-goals',
      'KV_swarm-presence',
      'KV_swarm-rate-limits',
      'OBJ_swarm-artifacts',
      'OBJ_swarm-reports',
    ]) {
      expect(allows(publish, `$JS.API.STREAM.PURGE.${stream}`)).toBe(false);
      expect(allows(publish, `$JS.API.STREAM.UPDATE.${stream}`)).toBe(false);
      expect(allows(publish, `$JS.API.STREAM.DELETE.${stream}`)).toBe(false);
    }
  });

  it.each(identities.map((i) => i.user))('lets %s read replies on its own inbox prefix only', (user) => {
    expect(rightsOf(user).subscribe).toEqual([`_INBOX_${user}.>`]);
  });

  it('keeps each agent to its own goal-context keys', () => {
    expect(allows(rightsOf('scraper').publish, '$KV.swarm-goals.g-1.scrape.3')).toBe(true);
    expect(allows(rightsOf('scraper').publish, '$KV.swarm-goals.g-1.spec')).toBe(false);
    expect(allows(rightsOf('scraper').publish, '$KV.swarm-goals.g-1.usage.rank.t.1')).toBe(false);
    expect(allows(rightsOf('search').publish, '$KV.swarm-goals.g-1.approval')).toBe(false);
    expect(allows(rightsOf('communications').publish, '$KV.swarm-goals.g-1.approval')).toBe(true);
  });

  it('lets only communications announce the delivery sinks, and no goal key reaches that record', () => {
    const writers = identities.filter((i) =>
      allows(natsPermissions(i.user, i.role).publish, '$KV.swarm-goals.=deployment.delivery'),
    );
    expect(writers.map((i) => i.user)).toEqual(['communications']);
    expect(allows(rightsOf('communications').publish, '$KV.swarm-goals.=deployment.other')).toBe(false);
  });

  it('lets every agent book the shared model rate limits, and no reader', () => {
    for (const agent of ['search', 'scraper', 'ranker', 'communications']) {
      expect(allows(rightsOf(agent).publish, '$KV.swarm-rate-limits.openai.0123456789abcdef')).toBe(true);
      expect(allows(rightsOf(agent).publish, '$JS.API.STREAM.MSG.GET.KV_swarm-rate-limits')).toBe(true);
    }
    for (const user of ['cli', 'gateway', 'approver']) {
      expect(allows(rightsOf(user).publish, '$KV.swarm-rate-limits.openai.0123456789abcdef')).toBe(false);
      expect(allows(rightsOf(user).publish, '$JS.API.STREAM.MSG.GET.KV_swarm-rate-limits')).toBe(false);
    }
  });

  it('lets each agent write the presence records of its own kind only, and the readers of streams read them', () => {
    expect(allows(rightsOf('scraper').publish, '$KV.swarm-presence.scraper.host-1')).toBe(true);
    expect(allows(rightsOf('scraper').publish, '$KV.swarm-presence.ranker.host-1')).toBe(false);
    for (const user of ['cli', 'gateway', 'approver']) {
      expect(allows(rightsOf(user).publish, '$KV.swarm-presence.scraper.host-1')).toBe(false);
      expect(allows(rightsOf(user).publish, '$JS.API.CONSUMER.CREATE.KV_swarm-presence')).toBe(true);
    }
  });

  it('keeps reports to communications and rankings to the ranker', () => {
    expect(allows(rightsOf('communications').publish, '$O.swarm-reports.M.abc')).toBe(true);
    expect(allows(rightsOf('ranker').publish, '$O.swarm-reports.M.abc')).toBe(false);
    expect(allows(rightsOf('scraper').publish, '$O.swarm-artifacts.C.abc')).toBe(false);
  });

  it('lets only communications and search end a goal as completed, and only the cli and the gateway submit one', () => {
    const completes = identities.filter((i) =>
      allows(natsPermissions(i.user, i.role).publish, 'swarm.evt.g.goal.completed'),
    );
    expect(completes.map((i) => i.user).sort()).toEqual(['communications', 'search']);
    const submits = identities.filter((i) =>
      allows(natsPermissions(i.user, i.role).publish, 'swarm.evt.g.goal.submitted'),
    );
    expect(submits.map((i) => i.user)).toEqual(['cli', 'gateway']);
  });
});

describe('parseAccessConfig', () => {
  const tenant = {
    name: 'acme',
    account: 'ACME',
    prefixUsers: true,
    approvers: ['alice'],
    jetstream: { maxMemory: '1M', maxFile: '1G', maxStreams: 16, maxConsumers: 64 },
  };

  it('prefixes the users of a prefixed tenant', () => {
    const users = tenantIdentities(parseAccessConfig(JSON.stringify({ tenants: [tenant] })).tenants[0]!);
    expect(users.map((u) => u.user)).toContain('acme-scraper');
    expect(users.find((u) => u.user === 'acme-alice')?.passwordVariable).toBe('NATS_PASSWORD_ACME_ALICE');
  });

  it('refuses an approver named like a service user, naming the rule', () => {
    expect(() => parseAccessConfig(JSON.stringify({ tenants: [{ ...tenant, approvers: ['cli'] }] }))).toThrow(
      /approver may not be named like a service user/,
    );
  });

  it('refuses two tenants on one account', () => {
    expect(() =>
      parseAccessConfig(JSON.stringify({ tenants: [tenant, { ...tenant, name: 'other' }] })),
    ).toThrow(/account names must be unique/);
  });
});

describe('the shipped tenants', () => {
  const bytes = (size: string) => {
    const [, digits, unit] = /^(\d+)\s*([KMGT]?)B?$/i.exec(size) ?? [];
    return Number(digits) * 1024 ** ' KMGT'.indexOf((unit || ' ').toUpperCase());
  };

  it.each(['deploy/nats/nats.conf', 'deploy/nats/nats-cluster.conf'])(
    'fit their file quotas into the store of %s (nats-server refuses to start otherwise)',
    (config) => {
      const store = /max_file_store:\s*(\S+)/.exec(readFileSync(path.join(root, config), 'utf8'))?.[1] ?? '';
      const quotas = shipped.tenants.reduce((sum, tenant) => sum + bytes(tenant.jetstream.maxFile), 0);
      expect(bytes(store)).toBeGreaterThan(0);
      expect(quotas).toBeLessThanOrEqual(bytes(store));
    },
  );
});
