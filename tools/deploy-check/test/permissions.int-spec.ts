import { waitFor } from '@swarm/testing';
import { decisionKeyOf } from '@swarm/contracts';
import { EXAMPLE_GOAL_ID, exampleMessage } from '@swarm/contracts/testing';
import { AGENTS } from '../src/index.js';
import { stopAll } from './processes.js';
import { ProbeClient } from './probe-client.js';
import type { ShippedSwarm } from './shipped-swarm.js';
import { startShippedSwarm } from './shipped-swarm.js';

/**
 * The permission suite: every probe from the zero-trust issue, tried with each agent's own credentials against
 * deploy/nats/nats.conf (and the auth.conf generated from deploy/nats/access.json) while a real goal waits for
 * approval. Each must be refused by the server (and logged as a violation) and leave the goal untouched; the
 * goal then completes through the approver alone.
 */
/** A schema-valid example message of the contracts, moved to another goal. */
const asGoal = (type: string, goalId: string) =>
  JSON.parse(JSON.stringify(exampleMessage(type)).replaceAll(EXAMPLE_GOAL_ID, goalId)) as Record<
    string,
    unknown
  >;

describe('the shipped permissions refuse every probe while goals still complete', () => {
  let shipped: ShippedSwarm;
  const probes = new Map<string, ProbeClient>();
  let goalId = '';
  const probe = (user: string) => probes.get(user)!;
  /** Whether the server logged a permission violation of this user on a matching subject (the log may lag). */
  const violated = async (user: string, subject: RegExp) =>
    waitFor(
      () => shipped.violations().some((line) => line.includes(`User "${user}"`) && subject.test(line)),
      { timeoutMs: 5_000, description: `a violation by ${user} on ${subject}` },
    ).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    shipped = await startShippedSwarm();
    for (const user of [...AGENTS, 'cli', 'gateway', 'approver'])
      probes.set(user, await ProbeClient.open(shipped.nats.clientUrl, user));
    const submitted = await shipped.swarm('cli', 'goal', 'find top 3 agentic AI tools', '--approve');
    goalId = /goal (g-\S+) submitted/.exec(submitted.output)?.[1] ?? '';
    expect(goalId).not.toBe('');
    await waitFor(async () => (await probe('cli').readContext(`${goalId}.approval`)) !== undefined, {
      timeoutMs: 60_000,
      description: `goal ${goalId} waiting for approval`,
    });
  });

  afterAll(async () => {
    await Promise.all([...probes.values()].map((client) => client.close()));
    await stopAll();
    await shipped?.close();
  });

  it.each([...AGENTS, 'cli'])(
    'refuses an approval decision written with the %s credentials',
    async (user) => {
      const decision = { outcome: 'granted', at: new Date().toISOString() };
      expect(await probe(user).putContext(`${goalId}.decision.approver`, decision)).toBe('refused');
      expect(await probe(user).putContext(`${goalId}.decision.${user}`, decision)).toBe('refused');
      expect(await violated(user, /Subject "\$KV\.swarm-goals\.g-\S+\.decision\./)).toBe(true);
    },
  );

  it('lets the gateway write only decisions it vouches for under its own name', async () => {
    const decision = { outcome: 'granted', at: new Date().toISOString() };
    const vouched = decisionKeyOf({ vouchedBy: 'gateway', subject: 'alice@example.com' });
    for (const key of ['decision.approver', 'decision.gateway', vouched.replace('.gateway.', '.approver.')])
      expect(await probe('gateway').putContext(`${goalId}.${key}`, decision)).toBe('refused');
    expect(await violated('gateway', /Subject "\$KV\.swarm-goals\.g-\S+\.decision\./)).toBe(true);
    // Allowed, on a goal that asks for no approval (so the waiting goal stays untouched).
    expect(await probe('gateway').putContext(`g-vouch-probe.${vouched}`, decision)).toBe('allowed');
    expect(await probe('approver').putContext(`g-vouch-probe.${vouched}`, decision)).toBe('refused');
  });

  it.each(['search', 'scraper', 'ranker'])('refuses %s rewriting the approval request', async (user) => {
    expect(await probe(user).putContext(`${goalId}.approval`, { forged: true })).toBe('refused');
  });

  it.each([
    ['scraper', 'spec'],
    ['scraper', 'candidates'],
    ['scraper', 'effect.report.deliver.file'],
    ['communications', 'effect.scrape.fetch.page'],
    ['scraper', 'usage.rank.t.1'],
    ['ranker', 'scrape.0'],
    ['search', 'end.report'],
    ['communications', 'scrape.0'],
  ])("refuses %s writing another role's key %s", async (user, key) => {
    expect(await probe(user).putContext(`${goalId}.${key}`, { forged: true })).toBe('refused');
  });

  it("lets every agent and the operator's users write a probe goal's shared budget record, and refuses approvers", async () => {
    for (const user of [...AGENTS, 'cli', 'gateway'])
      expect(await probe(user).putContext('g-budget-probe.budget', { probe: user })).toBe('allowed');
    for (const user of ['approver'])
      expect(await probe(user).putContext(`${goalId}.budget`, { forged: true })).toBe('refused');
  });

  it('lets every user read the delivery sinks communications announced, and refuses anyone else writing them', async () => {
    const announced = await probe('cli').readContext('=deployment.delivery');
    expect(JSON.parse(announced ?? '{}')).toMatchObject({ sinks: expect.any(Array) });
    for (const user of ['search', 'scraper', 'ranker', 'cli', 'approver'])
      expect(await probe(user).putContext('=deployment.delivery', { sinks: ['webhook'] })).toBe('refused');
    expect(await probe('cli').readContext('=deployment.delivery')).toEqual(announced);
  });

  it('lets an agent announce replicas of its own kind only, and refuses the readers announcing any', async () => {
    const forged = { kind: 'ranker', instance: 'forged', queues: ['rank'], startedAt: '', seenAt: '' };
    expect(await probe('scraper').publish('$KV.swarm-presence.ranker.forged', forged)).toBe('refused');
    for (const user of ['cli', 'gateway', 'approver'])
      expect(await probe(user).publish('$KV.swarm-presence.ranker.forged', forged)).toBe('refused');
    expect(await violated('scraper', /Subject "\$KV\.swarm-presence\.ranker\.forged"/)).toBe(true);
    // Its own kind's records it may write (each replica announces itself so).
    const own = { ...forged, kind: 'scraper', instance: 'probe', queues: ['scrape'] };
    expect(await probe('scraper').publish('$KV.swarm-presence.scraper.probe', own)).toBe('allowed');
  });

  it('lets the agents book the shared model rate limits, and refuses the readers touching them', async () => {
    const state = { requestsAt: 0 };
    for (const user of ['cli', 'gateway', 'approver'])
      expect(await probe(user).publish('$KV.swarm-rate-limits.openai.probe', state)).toBe('refused');
    expect(await violated('approver', /Subject "\$KV\.swarm-rate-limits\.openai\.probe"/)).toBe(true);
    expect(await probe('scraper').publish('$KV.swarm-rate-limits.openai.probe', state)).toBe('allowed');
  });

  it.each(['search', 'scraper', 'ranker'])('refuses %s rewriting a stored report', async (user) => {
    expect(await probe(user).putObject('swarm-reports', `${goalId}/report.md`, '# forged')).toBe('refused');
    expect(await violated(user, /Subject "\$O\.swarm-reports\./)).toBe(true);
  });

  it.each([...AGENTS, 'cli', 'gateway', 'approver'])(
    'refuses %s purging or deleting the swarm’s streams',
    async (user) => {
      for (const stream of [
        'KV_swarm-goals',
        'KV_swarm-presence',
        'KV_swarm-rate-limits',
        'OBJ_swarm-artifacts',
        'OBJ_swarm-reports',
        'SWARM_EVENTS',
      ]) {
        expect(await probe(user).purgeStream(stream)).toBe('refused');
        expect(await probe(user).deleteStream(stream)).toBe('refused');
      }
    },
  );

  it.each([...AGENTS, 'cli', 'gateway', 'approver'])(
    'refuses %s reading replies meant for others',
    async (user) => {
      expect(await probe(user).subscribe('_INBOX.>')).toBe('refused');
      expect(await probe(user).subscribe(`_INBOX_${user === 'cli' ? 'search' : 'cli'}.>`)).toBe('refused');
      expect(await probe(user).subscribe('>')).toBe('refused');
      expect(await probe(user).subscribe(`_INBOX_${user}.probe`)).toBe('allowed');
    },
  );

  it.each([
    ['scraper', 'goal.completed'],
    ['ranker', 'goal.completed'],
    ['scraper', 'approval.granted'],
    ['search', 'approval.granted'],
    ['ranker', 'goal.submitted'],
    ['approver', 'approval.granted'],
    ['cli', 'approval.granted'],
    ['ranker', 'budget.added'],
    ['approver', 'budget.added'],
    ['approver', 'budget.exhausted'],
    ['cli', 'budget.exhausted'],
  ])('refuses %s publishing %s', async (user, type) => {
    const subject = `swarm.evt.${goalId}.${type}`;
    expect(await probe(user).publish(subject, { type, goalId })).toBe('refused');
    expect(
      await violated(user, new RegExp(`Subject "swarm\\.evt\\.${goalId}\\.${type.replace('.', '\\.')}"`)),
    ).toBe(true);
  });

  it.each([
    ['scraper', 'swarm.task.report'],
    ['search', 'swarm.task.rank'],
    ['ranker', 'swarm.task.scrape'],
    ['communications', 'swarm.task.scrape'],
    ['approver', 'swarm.task.report'],
    ['scraper', 'swarm.dlq.rank'],
    ['search', 'swarm.dlq.report'],
  ])('refuses %s publishing on %s', async (user, subject) => {
    expect(await probe(user).publish(subject, { type: 'forged', goalId })).toBe('refused');
  });

  it('ignores the nothing-found completion search may publish once the goal is past search', async () => {
    const forged = {
      ...asGoal('goal.completed', goalId),
      messageId: `${goalId}/forged-completion`,
      queue: 'search',
      agent: { kind: 'search', instance: 'search-forged' },
      outcome: 'nothing-found',
      summary: 'forged: nothing found',
      reportArtifact: null,
      deliveredTo: [],
    };
    expect(
      await probe('search').publish(`swarm.evt.${goalId}.goal.completed`, forged, forged.messageId),
    ).toBe('allowed');
    const status = await shipped.swarm('cli', 'status', goalId);
    expect(status.output).toMatch(/ignored forged goal\.completed from search/);
    expect(status.output).not.toMatch(/forged: nothing found/);
  });

  it('dead-letters a rank task the scraper forges for a goal that is not due, without failing any goal', async () => {
    const forgedGoal = 'g-forged-rank';
    expect(await probe('scraper').publish('swarm.task.rank', asGoal('task.rank', forgedGoal))).toBe(
      'allowed',
    );
    await waitFor(
      async () => (await shipped.swarm('cli', 'dlq', 'list', '--queue', 'rank')).output.includes(forgedGoal),
      {
        timeoutMs: 30_000,
        description: 'the forged rank task dead-lettered',
      },
    );
    expect((await shipped.swarm('cli', 'dlq', 'list', '--queue', 'rank')).output).toMatch(/task-not-due/);
    const events = JSON.parse((await shipped.swarm('cli', 'inspect', forgedGoal, '--json')).output) as {
      type: string;
    }[];
    expect(events.map((e) => e.type)).not.toContain('goal.failed');
  });

  it('refuses to replay a dead-letter record that names another subject than its queue', async () => {
    const record = {
      ...asGoal('dead-letter', goalId),
      messageId: 'dlq/forged/1',
      source: {
        stream: 'TASKS_SCRAPE',
        subject: `swarm.evt.${goalId}.goal.completed`,
        streamSequence: 1,
        consumer: 'scraper',
      },
    };
    expect(await probe('scraper').publish('swarm.dlq.scrape', record, 'forged-record')).toBe('allowed');
    const listed = await shipped.swarm('cli', 'dlq', 'list', '--queue', 'scrape');
    expect(listed.output).toMatch(/replay: refused/);
    const replay = await shipped.swarm('cli', 'dlq', 'replay', 'dlq/forged/1');
    expect(replay.code).not.toBe(0);
    const events = JSON.parse((await shipped.swarm('cli', 'inspect', goalId, '--json')).output) as {
      messageId: string;
      type: string;
    }[];
    expect(events.filter((e) => e.type === 'goal.completed').map((e) => e.messageId)).toEqual([
      `${goalId}/forged-completion`,
    ]);
  });

  it('leaves the waiting goal untouched, and completes it on the approver’s decision alone', async () => {
    expect(await probe('cli').readContext(`${goalId}.approval`)).not.toContain('forged');
    const refused = await shipped.swarm('cli', 'approve', goalId);
    expect(refused.code).not.toBe(0);
    const approved = await shipped.swarm('approver', 'approve', goalId);
    expect(approved.code).toBe(0);
    await waitFor(async () => (await shipped.swarm('cli', 'status', goalId)).output.includes('delivered'), {
      timeoutMs: 60_000,
      description: `goal ${goalId} delivered after approval`,
    });
    const inspect = await shipped.swarm('cli', 'inspect', goalId, '--json');
    const events = JSON.parse(inspect.output) as { type: string; by?: string }[];
    expect(events.filter((e) => e.type === 'approval.granted').map((e) => e.by)).toEqual(['approver']);
  });
});
