import { existsSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, CONTEXT_KEYS, HEADERS, SCHEMA_VERSION, SUBJECTS } from '@swarm/contracts';
import { loadCorpus } from '@swarm/corpus';
import type { NatsServerHandle } from '@swarm/testing';
import { startNats, waitFor } from '@swarm/testing';
import { buildGoalSubmission, decideApproval } from '@swarm/goal-views';
import { runGoal } from '../src/index.js';
import type { E2eSwarm } from './e2e-harness.js';
import { claimants, finish, goalObjectsIn, rankingOf, reportOf, startSwarm } from './e2e-harness.js';
import type { ReceivedMail, ReceivedWebhook } from './receivers.js';
import { startSmtpReceiver, startWebhookReceiver } from './receivers.js';

const SECRET = 'e2e-webhook-secret-0123456789';
/** The top five of the shipped corpus for this query under the default weights (pinned: a change is a regression to look at). */
const EXPECTED_TOP5 = [
  '@openai/agents',
  '@anthropic-ai/claude-agent-sdk',
  'agents',
  'ai',
  '@inngest/agent-kit',
];

let nats: NatsServerHandle;
let swarm: E2eSwarm;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const quiet = () => undefined;
const approvedOrRejected = new Set<string>();

beforeAll(async () => {
  nats = await startNats();
  webhook = await startWebhookReceiver(SECRET);
  smtp = await startSmtpReceiver();
  swarm = await startSwarm(
    nats.url,
    { scraper: 3 },
    {
      SWARM_IN_FLIGHT: '1',
      DELIVERY_SINKS: 'file,webhook,email',
      WEBHOOK_URL: webhook.url,
      // The receiver is on loopback, which the webhook sink refuses unless allowed.
      WEBHOOK_ALLOW_HOSTS: new URL(webhook.url).host,
      WEBHOOK_SECRET: SECRET,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_FROM: 'swarm@example.test',
      SMTP_TO: 'team@example.test',
      APPROVAL_TIMEOUT_MS: '4000',
    },
  );
}, 120_000);

afterAll(async () => {
  await swarm?.stop();
  await webhook?.close();
  await smtp?.close();
  await nats?.stop();
});

afterEach(() => swarm.stack.docs.setFaults({}));

const hooksFor = (goalId: string): ReceivedWebhook[] => webhook.received.filter((r) => r.goalId === goalId);
// Header names are case-insensitive (the mailer writes X-Swarm-Goal-ID).
const mailsFor = (goalId: string): ReceivedMail[] =>
  smtp.received.filter((m) => new RegExp(`^x-swarm-goal-id: ${goalId}\\r?$`, 'im').test(m.raw));

describe('the swarm end to end', () => {
  it('turns "find top 5 agentic AI tools" into a ranked report made by four separate agent processes', async () => {
    const printed: string[] = [];
    const { goalId, final } = await runGoal(
      swarm.client,
      'find top 5 agentic AI tools',
      { wait: true, timeout: 60_000 },
      (l) => printed.push(l),
    );

    expect(final?.body).toMatchObject({ type: 'goal.completed', outcome: 'delivered' });
    expect([...((final?.body['deliveredTo'] as string[]) ?? [])].sort()).toEqual([
      'email',
      'file',
      'webhook',
    ]);
    const ranking = await rankingOf(swarm.client, goalId);
    expect(ranking.ranked.map((entry) => entry.candidate.name)).toEqual(EXPECTED_TOP5);
    for (const entry of ranking.ranked) {
      expect(entry.rationale.length).toBeGreaterThan(20);
      expect(entry.components.relevance.rationale.length).toBeGreaterThan(10);
      expect(entry.sources[0]).toMatch(new RegExp(`^${swarm.stack.docs.url}/packages/`));
      expect(entry.scraped).toBe(true);
    }
    expect(printed.join('\n')).toContain('# Swarm report: find top 5 agentic AI tools');
    // The ranker's artifact and communications' reports, each in its writer's own bucket.
    expect(final?.body['reportArtifact']).toBe(`${goalId}/report.md`);
    expect(await goalObjectsIn(swarm.client, 'artifacts', goalId)).toEqual([`${goalId}/ranking.json`]);
    expect(await goalObjectsIn(swarm.client, 'reports', goalId)).toEqual([
      `${goalId}/report.html`,
      `${goalId}/report.md`,
    ]);

    const { events } = await finish(swarm.client, goalId);
    const kinds = new Set(
      events.filter((e) => e.type === 'task.claimed').map((e) => (e.body['agent'] as { kind: string }).kind),
    );
    expect(kinds).toEqual(new Set(['search', 'scraper', 'ranker', 'communications']));
    const pids = new Set(swarm.stack.agents.map((agent) => agent.child.pid));
    expect(pids.size).toBe(swarm.stack.agents.length);

    await waitFor(() => hooksFor(goalId).length === 1, { description: 'webhook delivery' });
    expect(hooksFor(goalId)[0]).toMatchObject({ signatureValid: true, idempotencyKey: `${goalId}/report` });
    await waitFor(() => mailsFor(goalId).length === 1, { description: 'email delivery' });
    expect(mailsFor(goalId)[0]!.raw).toMatch(/Subject: Swarm report: find top 5 agentic AI tools/);
    expect(mailsFor(goalId)[0]!.to).toEqual(['team@example.test']);
    expect(existsSync(path.join(swarm.stack.reportsDir, `${goalId}.md`))).toBe(true);
    expect(existsSync(path.join(swarm.stack.reportsDir, `${goalId}.html`))).toBe(true);
  });

  it('completes a goal that matches nothing with a clear "nothing found" and no report', async () => {
    const { goalId, final, exitCode } = await runGoal(
      swarm.client,
      'zzqxv frobnicate',
      { wait: true, timeout: 60_000 },
      quiet,
    );
    expect(final?.body).toMatchObject({
      type: 'goal.completed',
      outcome: 'nothing-found',
      reportArtifact: null,
      deliveredTo: [],
    });
    expect(String(final?.body['summary'])).toMatch(/nothing in corpus matches "zzqxv frobnicate"/);
    expect(exitCode).toBe(0);
    expect(hooksFor(goalId)).toHaveLength(0);
  });

  it('lets three scraper replicas share the fan-out', async () => {
    swarm.stack.docs.setFaults({ delayMs: Object.fromEntries(loadCorpus().map((pkg) => [pkg.id, 150])) });
    const { goalId } = await runGoal(
      swarm.client,
      'vector database client',
      { wait: false, timeout: 60_000 },
      quiet,
    );
    const { final, events } = await finish(swarm.client, goalId);
    expect(final.body['outcome']).toBe('delivered');
    expect(new Set(claimants(events, 'scrape')).size).toBe(3);
  });

  it('names a page that failed to scrape in the report and ranks the rest', async () => {
    const probe = await runGoal(
      swarm.client,
      'model context protocol server',
      { wait: true, timeout: 60_000 },
      quiet,
    );
    const candidates = (await (
      await swarm.client.goal(probe.goalId)
    ).get<{ id: string; name: string }[]>(CONTEXT_KEYS.candidates))!.value;
    const broken = candidates[0]!;
    swarm.stack.docs.setFaults({ status: { [broken.id]: 404 } });

    const { goalId, final } = await runGoal(
      swarm.client,
      'model context protocol server',
      { wait: true, timeout: 60_000 },
      quiet,
    );
    expect(final?.body['outcome']).toBe('delivered');
    const ranking = await rankingOf(swarm.client, goalId);
    expect(ranking.missing).toEqual([expect.objectContaining({ candidateId: broken.id, name: broken.name })]);
    expect(ranking.missing[0]!.reason).toMatch(/404/);
    expect(ranking.ranked).toHaveLength(5);
    const report = await reportOf(swarm.client, goalId);
    expect(report).toMatch(/What is missing/i);
    expect(report).toContain(broken.name);
  });

  it('pauses before delivery until a human approves', async () => {
    const run = runGoal(
      swarm.client,
      'agent framework',
      { wait: true, approve: true, timeout: 60_000 },
      quiet,
    );
    const goalId = await pendingApproval();
    expect(hooksFor(goalId)).toHaveLength(0);
    await decideApproval(swarm.client, goalId, { outcome: 'granted', comment: 'looks right' }, 'ana');
    const { final } = await run;
    expect(final?.body['outcome']).toBe('delivered');
    expect(await auditOf(goalId)).toEqual([
      expect.objectContaining({ type: 'approval.granted', by: 'ana', comment: 'looks right' }),
    ]);
    await waitFor(() => hooksFor(goalId).length === 1, { description: 'webhook after approval' });
    expect(await reportOf(swarm.client, goalId)).toMatch(/ana/);
    // The preview the human decided on stays as it was: the delivered report is another object, not an overwrite.
    expect(await goalObjectsIn(swarm.client, 'reports', goalId)).toEqual([
      `${goalId}/report.draft.json`,
      `${goalId}/report.html`,
      `${goalId}/report.md`,
      `${goalId}/report.preview.md`,
    ]);
    const preview = await (await swarm.client.goal(goalId)).getArtifact(ARTIFACTS.reportPreview);
    expect(new TextDecoder().decode(preview)).toContain('# Swarm report: agent framework');
    expect(new TextDecoder().decode(preview)).not.toContain('**Approval:**');
    expect(await reportOf(swarm.client, goalId)).toContain('**Approval:**');
  });

  it('does not deliver a report a human rejects, and says why', async () => {
    const run = runGoal(
      swarm.client,
      'retrieval augmented generation',
      { wait: true, approve: true, timeout: 60_000 },
      quiet,
    );
    const goalId = await pendingApproval();
    await decideApproval(
      swarm.client,
      goalId,
      { outcome: 'rejected', comment: 'missing the vector stores' },
      'bo',
    );
    const { final, exitCode } = await run;
    expect(final?.body).toMatchObject({
      outcome: 'rejected',
      deliveredTo: [],
      reportArtifact: `${goalId}/report.preview.md`,
    });
    expect(await goalObjectsIn(swarm.client, 'reports', goalId)).toEqual([
      `${goalId}/report.draft.json`,
      `${goalId}/report.preview.md`,
    ]);
    expect(String(final?.body['summary'])).toContain('missing the vector stores');
    expect(exitCode).toBe(6);
    expect(hooksFor(goalId)).toHaveLength(0);
    await expect(decideApproval(swarm.client, goalId, { outcome: 'granted' }, 'ana')).rejects.toThrow(
      /already rejected by bo/,
    );
    expect(await auditOf(goalId)).toEqual([expect.objectContaining({ type: 'approval.rejected', by: 'bo' })]);
  });

  it('applies the approval timeout policy when nobody decides', async () => {
    const { goalId, final } = await runGoal(
      swarm.client,
      'browser automation agent',
      { wait: true, approve: true, timeout: 60_000 },
      quiet,
    );
    expect(final?.body['outcome']).toBe('approval-expired');
    expect(hooksFor(goalId)).toHaveLength(0);
    expect(await auditOf(goalId)).toEqual([]);
  });

  it('treats the same goal submitted three times as one goal with one delivery', async () => {
    const goalId = 'e2e-same-goal-thrice';
    const acks = [];
    for (let i = 0; i < 3; i++)
      acks.push(
        (
          await runGoal(
            swarm.client,
            'llm observability',
            { id: goalId, wait: false, timeout: 60_000 },
            quiet,
          )
        ).goalId,
      );
    const { final, events } = await finish(swarm.client, goalId);
    expect(final.body['outcome']).toBe('delivered');
    expect(events.filter((e) => e.type === 'goal.submitted')).toHaveLength(1);
    await waitFor(() => hooksFor(goalId).length === 1, { description: 'one webhook delivery' });
    expect(events.filter((e) => e.type === 'goal.completed')).toHaveLength(1);
  });

  it('dead-letters bad goals with a clear reason while other goals keep flowing', async () => {
    const valid = buildGoalSubmission({ text: 'embeddings' }, { goalId: 'e2e-bad-neighbour' }).message;
    const bad: Record<string, unknown> = {
      'e2e-bad-empty': { ...valid, goalId: 'e2e-bad-empty', goal: { text: '   ' } },
      'e2e-bad-huge': { ...valid, goalId: 'e2e-bad-huge', goal: { text: 'x'.repeat(100 * 1024) } },
      'e2e-bad-top0': { ...valid, goalId: 'e2e-bad-top0', goal: { text: 'agents', topN: 0 } },
      'e2e-bad-unknown': { ...valid, goalId: 'e2e-bad-unknown', goal: { text: 'agents' }, priority: 'high' },
      'e2e-bad-version': { ...valid, goalId: 'e2e-bad-version', schemaVersion: SCHEMA_VERSION + 1 },
    };
    for (const [goalId, body] of Object.entries(bad)) {
      await swarm.client.publishRaw(
        SUBJECTS.event(goalId, 'goal.submitted'),
        new TextEncoder().encode(JSON.stringify(body)),
        `${goalId}/raw`,
        {
          [HEADERS.goalId]: [goalId],
        },
      );
    }
    await swarm.client.publishRaw(
      SUBJECTS.event('e2e-bad-json', 'goal.submitted'),
      new TextEncoder().encode('{"goal": oops'),
      'e2e-bad-json/raw',
      {
        [HEADERS.goalId]: ['e2e-bad-json'],
      },
    );
    await swarm.client.publish({
      subject: SUBJECTS.event('e2e-bad-neighbour', 'goal.submitted'),
      message: valid,
    });

    expect((await finish(swarm.client, 'e2e-bad-neighbour')).final.body['outcome']).toBe('delivered');
    const expectations: Record<string, RegExp> = {
      'e2e-bad-empty': /goal\.text: .*empty/,
      'e2e-bad-huge': /goal\.text: too big/,
      'e2e-bad-top0': /goal\.topN: too small/,
      'e2e-bad-unknown': /unrecognized key.*priority/,
      'e2e-bad-version': /schemaVersion/,
      'e2e-bad-json': /not utf-8 json/,
    };
    const records = await waitFor(
      async () => {
        const found = (await swarm.client.deadLetters('search')).filter((r) => r.goalId in expectations);
        return found.length === Object.keys(expectations).length ? found : undefined;
      },
      { timeoutMs: 20_000, description: 'six dead-letter records' },
    );
    for (const record of records) {
      expect(record.reason.message).toMatch(expectations[record.goalId]!);
      expect(record.deliveryCount).toBe(1);
      const { final } = await finish(swarm.client, record.goalId, 10_000);
      expect(final.body).toMatchObject({ type: 'goal.failed', deadLetterId: record.messageId });
    }
  });

  it('refuses a goal id reused with other content without touching the original goal', async () => {
    const goalId = 'e2e-reused-id';
    expect(
      (await runGoal(swarm.client, 'prompt management', { id: goalId, wait: true, timeout: 60_000 }, quiet))
        .final?.body['outcome'],
    ).toBe('delivered');
    await runGoal(
      swarm.client,
      'something else entirely',
      { id: goalId, wait: false, timeout: 60_000 },
      quiet,
    );
    const record = await waitFor(
      async () => (await swarm.client.deadLetters('search')).find((r) => r.goalId === goalId),
      { description: 'dead letter' },
    );
    expect(record.reason).toMatchObject({ code: 'goal-id-reused', retryable: false });
    const events = (await swarm.client.goalEvents(goalId)).map((m) => (m.body as { type: string }).type);
    expect(events.filter((t) => t === 'goal.failed')).toHaveLength(0);
    expect(events.filter((t) => t === 'goal.completed')).toHaveLength(1);
  });
});

/** The goal's approval decision events (the audit trail of its decision), oldest first. */
async function auditOf(goalId: string): Promise<Record<string, unknown>[]> {
  return (await swarm.client.goalEvents(goalId))
    .map((m) => m.body as Record<string, unknown>)
    .filter((body) => body['type'] === 'approval.granted' || body['type'] === 'approval.rejected');
}

/** Waits for a goal that asked for approval and was not picked up by an earlier test. */
async function pendingApproval(): Promise<string> {
  const goalId = await waitFor(
    async () => {
      const waiting = await swarm.client.readStream(
        swarm.client.topology.eventsStream,
        'swarm.evt.*.approval.requested',
      );
      return waiting
        .map((m) => (m.body as { goalId: string }).goalId)
        .find((id) => !approvedOrRejected.has(id));
    },
    { timeoutMs: 30_000, description: 'approval request' },
  );
  approvedOrRejected.add(goalId);
  return goalId;
}
