import { CONTEXT_KEYS, EffectRecord, QUEUES, SINK_NAMES } from '@swarm/contracts';
import type { AgentFault, ResendEvidence } from '../report/resend-attribution.js';
import { attributeResend } from '../report/resend-attribution.js';
import type { ScenarioCheck, ScenarioResult } from '../report/scenario-result.js';
import { countDeliveries } from '../report/scenario-result.js';
import type { ChaosSwarm } from './chaos-swarm.js';

/** The scenario-specific part of a result. */
export interface OutcomeExtras {
  readonly number: number;
  readonly name: string;
  readonly title: string;
  /** When the scenario's run started (after the stage was up), epoch ms. */
  readonly startedAt: number;
  readonly recoverySeconds?: number;
  readonly figures?: Readonly<Record<string, number | string>>;
  readonly checks?: readonly ScenarioCheck[];
  readonly notes?: readonly string[];
  /** Agent replicas the scenario killed or cut off, and broker outages, to attribute resends. */
  readonly faults?: readonly AgentFault[];
}

/** The goal's scrape join: which of its candidates' slots (`scrape.<i>`) are stored, for a lost goal's notes. */
async function joinState(swarm: ChaosSwarm, goalId: string): Promise<string> {
  try {
    const goal = await swarm.client.goal(goalId);
    const candidates = (await goal.get<unknown[]>(CONTEXT_KEYS.candidates))?.value;
    if (!candidates) return 'no candidates in the goal context';
    const stored: number[] = [];
    for (let i = 0; i < candidates.length; i++) {
      if (await goal.get(CONTEXT_KEYS.scrape(i))) stored.push(i);
    }
    return `join slots stored [${stored.join(',')}] of ${candidates.length}`;
  } catch (error) {
    return `join unreadable: ${(error as Error).message}`;
  }
}

/** Each queue consumer's backlog, for the notes of a run that lost goals. */
async function queueState(swarm: ChaosSwarm): Promise<string> {
  const parts = await Promise.all(
    Object.values(QUEUES).map(async (queue) => {
      try {
        const p = await swarm.client.pending(queue.stream, queue.durable);
        return `${queue.name} ${p.pending}/${p.ackPending}/${p.redelivered}`;
      } catch (error) {
        return `${queue.name} ? (${(error as Error).message})`;
      }
    }),
  );
  return parts.join(', ');
}

/** Reads what the events stream says about a goal's report task. */
async function reportEvidence(
  swarm: ChaosSwarm,
  goalId: string,
  deliveries: ResendEvidence['deliveries'],
): Promise<ResendEvidence> {
  const events = await swarm.client.goalEvents(goalId).catch(() => []);
  const reportTask = `${goalId}/report`;
  const reportClaims: { instance: string; deliveryCount: number; at: number }[] = [];
  const reportCompletions: { instance: string; attempt: number }[] = [];
  for (const message of events) {
    const body = message.body as {
      type?: string;
      taskId?: string;
      deliveryCount?: number;
      attempt?: number;
      agent?: { instance?: string };
    };
    if (body.taskId !== reportTask || typeof body.agent?.instance !== 'string') continue;
    if (body.type === 'task.claimed')
      reportClaims.push({
        instance: body.agent.instance,
        deliveryCount: body.deliveryCount ?? 0,
        at: message.time.getTime(),
      });
    if (body.type === 'task.completed')
      reportCompletions.push({ instance: body.agent.instance, attempt: body.attempt ?? 0 });
  }
  return { goalId, deliveries, reportClaims, reportCompletions, ...(await webhookEffect(swarm, goalId)) };
}

/** The goal's webhook delivery record in its side-effect ledger, as resend evidence (absent if unreadable). */
async function webhookEffect(swarm: ChaosSwarm, goalId: string): Promise<Pick<ResendEvidence, 'effect'>> {
  try {
    const goal = await swarm.client.goal(goalId);
    const key = CONTEXT_KEYS.effect(QUEUES.report.name, 'deliver', SINK_NAMES.webhook);
    const stored = (await goal.get<unknown>(key))?.value;
    const parsed = EffectRecord.safeParse(stored);
    if (!parsed.success) return {};
    const { state, starts, attempt } = parsed.data;
    return {
      effect: { state, starts, instance: attempt.agent.instance, deliveryCount: attempt.deliveryCount },
    };
  } catch {
    return {};
  }
}

const SHOWN_GOALS = 5;

/** Describes where a goal got stuck, from its last events (for the notes of a lost goal). */
async function whereStuck(swarm: ChaosSwarm, goalId: string): Promise<string> {
  try {
    const events = await swarm.client.goalEvents(goalId);
    const tail = events.slice(-4).map((message) => {
      const body = message.body as {
        type?: string;
        taskId?: string;
        deliveryCount?: number;
        agent?: { instance?: string };
        output?: { joined?: unknown };
        emitted?: unknown[];
        error?: { code?: string };
      };
      const detail = [
        body.agent?.instance ? `by ${body.agent.instance}` : '',
        body.deliveryCount ? `#${body.deliveryCount}` : '',
        typeof body.output?.joined === 'string' ? `joined=${body.output.joined}` : '',
        body.emitted ? `emitted=[${body.emitted.join(' ')}]` : '',
        body.error?.code ? `error=${body.error.code}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      return `${body.type ?? '?'} ${body.taskId ?? ''} ${detail}`.trim();
    });
    return `${goalId} (${events.length} events; last: ${tail.join(' | ') || 'none'}; ${await joinState(swarm, goalId)})`;
  } catch (error) {
    return `${goalId} (events unreadable: ${(error as Error).message})`;
  }
}

/**
 * Builds a scenario's result from what the stage observed: the ledger (submitted, completed, failed, lost), the
 * webhook receiver (deliveries per goal), the dead-letter stream, plus the scenario's own figures and checks.
 * Adds the checks every scenario shares: each delivered goal reached the webhook, no goal ended both ways,
 * every webhook request was correctly signed.
 */
export async function collectOutcome(swarm: ChaosSwarm, extras: OutcomeExtras): Promise<ScenarioResult> {
  const durationSeconds = (Date.now() - extras.startedAt) / 1_000;
  await swarm.ledger.reconcile().catch(() => undefined);
  const finals = swarm.ledger.finalsOfSubmitted();
  const finalList = [...finals.entries()];
  const completed = finalList.filter(([, f]) => f.type === 'goal.completed');
  const failed = finalList.filter(([, f]) => f.type === 'goal.failed');
  const unfinished = swarm.ledger.unfinished();
  const tally = swarm.webhook.tally();
  const deadLetters = await swarm.client.deadLetters().catch(() => []);

  const undelivered = completed
    .filter(([goalId, f]) => f.outcome === 'delivered' && !tally.appliedByGoal.has(goalId))
    .map(([goalId]) => goalId);
  const { duplicated, resends } = countDeliveries(tally);
  const contradictory = swarm.ledger.contradictory();
  const checks: ScenarioCheck[] = [
    ...(extras.checks ?? []),
    {
      name: 'every delivered goal reached the webhook',
      ok: undelivered.length === 0,
      detail:
        undelivered.length === 0
          ? `${completed.filter(([, f]) => f.outcome === 'delivered').length} delivered goals, each received`
          : `${undelivered.length} never received: ${undelivered.slice(0, SHOWN_GOALS).join(', ')}`,
    },
    {
      name: 'no goal both completed and failed',
      ok: contradictory.length === 0,
      detail: contradictory.length === 0 ? 'none' : contradictory.slice(0, SHOWN_GOALS).join(', '),
    },
    {
      name: 'every webhook request correctly signed',
      ok: tally.badSignatures === 0 && tally.malformed === 0,
      detail: `${tally.badSignatures} bad signatures, ${tally.malformed} malformed`,
    },
  ];
  const notes = [...(extras.notes ?? [])];
  if (unfinished.length > 0)
    notes.push(`queues (pending/unacked/redelivered) at the end: ${await queueState(swarm)}`);
  const troubled = failed.length > 0 || unfinished.length > 0;
  for (const record of troubled ? deadLetters.slice(0, SHOWN_GOALS) : []) {
    notes.push(
      `dead letter ${record.messageId} (${record.queue}, goal ${record.goalId}, delivery ${record.deliveryCount}): ` +
        `${record.reason.code}: ${record.reason.message.slice(0, 300)}`,
    );
  }
  if (failed.length > 0) {
    const reasons = new Map<string, number>();
    for (const [, f] of failed) reasons.set(f.reason ?? '?', (reasons.get(f.reason ?? '?') ?? 0) + 1);
    notes.push(
      `failed goals by reason: ${[...reasons.entries()].map(([reason, n]) => `${reason} x${n}`).join(', ')}`,
    );
  }
  const outcomes = new Map<string, number>();
  for (const [, f] of completed) outcomes.set(f.outcome ?? '?', (outcomes.get(f.outcome ?? '?') ?? 0) + 1);
  if (completed.length > 0)
    notes.push(`completed by outcome: ${[...outcomes.entries()].map(([o, n]) => `${o} x${n}`).join(', ')}`);
  for (const goalId of unfinished.slice(0, SHOWN_GOALS))
    notes.push(`lost: ${await whereStuck(swarm, goalId)}`);
  for (const [goalId, applied] of tally.appliedByGoal) {
    if (applied > 1) notes.push(`DOUBLED: ${goalId} applied ${applied}x under different idempotency keys`);
  }
  for (const copy of tally.deliveries.filter((d) => d.conflicting)) {
    notes.push(`DOUBLED: ${copy.goalId}: a copy of ${copy.idempotencyKey} carried another report`);
  }
  let resendsExplained = 0;
  const resentKeys = new Set(tally.deliveries.filter((d) => d.repeat).map((d) => d.idempotencyKey));
  for (const key of resentKeys) {
    const copies = tally.deliveries.filter((d) => d.idempotencyKey === key);
    const goalId = copies[0]!.goalId;
    const evidence = await reportEvidence(
      swarm,
      goalId,
      copies.map((d) => ({ at: d.receivedAt, idempotencyKey: d.idempotencyKey })),
    );
    const verdict = attributeResend(evidence, extras.faults ?? []);
    const resent = copies.filter((d) => d.repeat && !d.conflicting).length;
    if (verdict.explained) resendsExplained += resent;
    notes.push(
      `resent ${resent}x: ${goalId}: ${verdict.explained ? 'send window' : 'UNEXPLAINED'}: ${verdict.why}`,
    );
  }
  return {
    number: extras.number,
    name: extras.name,
    title: extras.title,
    submitted: swarm.ledger.submitted,
    completed: completed.length,
    failed: failed.length,
    lost: unfinished.length,
    duplicatedDeliveries: duplicated,
    resends,
    resendsExplained,
    deadLettered: deadLetters.length,
    ...(extras.recoverySeconds !== undefined ? { recoverySeconds: round(extras.recoverySeconds) } : {}),
    durationSeconds: round(durationSeconds),
    figures: extras.figures ?? {},
    checks,
    notes,
  };
}

/** Rounds to one decimal. Pure. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
