import type { GoalSubmitted } from '@swarm/contracts';
import { buildGoalSubmitted, CONTEXT_KEYS, HEADERS, SUBJECTS } from '@swarm/contracts';
import { waitFor } from '@swarm/testing';
import type { DeadLetterRecord } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { withPrivateSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';
import { collectOutcome } from '../harness/scenario-outcome.js';
import type { ScenarioCheck, ScenarioResult } from '../report/scenario-result.js';
import type { ScenarioOptions } from './scenario-options.js';
import { runPrefix, sleep } from './scenario-options.js';

/** Size of the poison-input scenario. */
export interface PoisonInputSize {
  /** Good goals flowing around the poison. */
  readonly goodGoals: number;
  readonly perSecond: number;
  /** How many times each poison kind is injected. */
  readonly rounds: number;
  readonly deadlineMs: number;
}

export const POISON_INPUT_FULL: PoisonInputSize = {
  goodGoals: 100,
  perSecond: 5,
  rounds: 5,
  deadlineMs: 5 * 60_000,
};
export const POISON_INPUT_QUICK: PoisonInputSize = {
  goodGoals: 10,
  perSecond: 5,
  rounds: 1,
  deadlineMs: 90_000,
};

/** One poison message and where it must end up. */
export interface Poison {
  readonly kind: string;
  readonly subject: string;
  /** The `Nats-Msg-Id` it is published with: how its dead-letter record is found. */
  readonly messageId: string;
  readonly data: Uint8Array;
  readonly headers: Record<string, string[]>;
  /** The reason code its dead-letter record must carry. */
  readonly reasonCode: string;
  /** A fragment the reason's message must contain. */
  readonly reasonMentions: string;
}

const encoder = new TextEncoder();
const json = (value: unknown) => encoder.encode(JSON.stringify(value));
/** Headers a well-behaved publisher sets, so the dead-letter record can name the goal. */
const swarmHeaders = (goalId: string, type: string): Record<string, string[]> => ({
  [HEADERS.goalId]: [goalId],
  [HEADERS.messageType]: [type],
});

/**
 * The poison kinds: on the goal entry (the search agent's queue) not JSON, a wrong schema version, wrong types, a
 * payload just under the server's max_payload, and a goal id reused with other content; and one poison on each
 * task queue (scrape: not JSON; rank: wrong schema version; report: wrong types). Pure.
 */
export function poisonFor(prefix: string, maxPayload: number, reusedGoalId: string): Poison[] {
  const submitted = (goalId: string): GoalSubmitted =>
    buildGoalSubmitted(goalId, { text: 'poison probe', topN: 1 }).message;
  const goalSubject = (goalId: string) => SUBJECTS.event(goalId, 'goal.submitted');
  const id = (kind: string) => `${prefix}-${kind}`;

  const versionGoal = id('version');
  const typesGoal = id('types');
  const bigGoal = id('big');
  const big = submitted(bigGoal);
  const skeleton = JSON.stringify({ ...big, goal: { ...big.goal, text: '' } }).length;
  // Headers travel inside max_payload too: leave them 16 KiB.
  const bigText = 'x'.repeat(Math.max(0, maxPayload - 16 * 1024 - skeleton));
  const reused = buildGoalSubmitted(reusedGoalId, {
    text: `a different goal under a taken id (${prefix})`,
    topN: 1,
  });
  const envelope = (goalId: string, type: string, messageId: string) => ({
    type,
    schemaVersion: 1,
    messageId,
    goalId,
    taskId: messageId,
    causationId: null,
    attempt: 1,
    timestamp: new Date().toISOString(),
  });
  return [
    {
      kind: 'goal: not JSON',
      subject: goalSubject(id('notjson')),
      messageId: `${id('notjson')}/submitted/poison`,
      data: encoder.encode('{"goalId": this is not json'),
      headers: {},
      reasonCode: 'not-json',
      reasonMentions: 'not utf-8 json',
    },
    {
      kind: 'goal: wrong schema version',
      subject: goalSubject(versionGoal),
      messageId: `${versionGoal}/submitted/poison`,
      data: json({ ...submitted(versionGoal), schemaVersion: 2 }),
      headers: swarmHeaders(versionGoal, 'goal.submitted'),
      reasonCode: 'invalid-payload',
      reasonMentions: 'schemaVersion',
    },
    {
      kind: 'goal: wrong types',
      subject: goalSubject(typesGoal),
      messageId: `${typesGoal}/submitted/poison`,
      data: json({ ...submitted(typesGoal), goal: { text: 42, topN: 'five' } }),
      headers: swarmHeaders(typesGoal, 'goal.submitted'),
      reasonCode: 'invalid-payload',
      reasonMentions: 'goal.text',
    },
    {
      kind: `goal: ${Math.round((skeleton + bigText.length) / 1024)} KiB payload`,
      subject: goalSubject(bigGoal),
      messageId: `${bigGoal}/submitted/poison`,
      data: json({ ...big, goal: { ...big.goal, text: bigText } }),
      headers: swarmHeaders(bigGoal, 'goal.submitted'),
      reasonCode: 'invalid-payload',
      reasonMentions: 'goal.text',
    },
    {
      kind: 'goal: id reused with other content',
      subject: reused.subject,
      messageId: reused.message.messageId,
      data: json(reused.message),
      headers: swarmHeaders(reusedGoalId, 'goal.submitted'),
      reasonCode: 'goal-id-reused',
      reasonMentions: 'already taken',
    },
    {
      kind: 'scrape task: not JSON',
      subject: SUBJECTS.task.scrape,
      messageId: `${id('scrape')}/scrape/0`,
      data: encoder.encode('<html>a scrape task that is not json</html>'),
      headers: {},
      reasonCode: 'not-json',
      reasonMentions: 'not utf-8 json',
    },
    {
      kind: 'rank task: wrong schema version',
      subject: SUBJECTS.task.rank,
      messageId: `${id('rank')}/rank`,
      data: json({
        ...envelope(id('rank'), 'task.rank', `${id('rank')}/rank`),
        schemaVersion: 99,
        query: 'x',
        topN: 1,
      }),
      headers: swarmHeaders(id('rank'), 'task.rank'),
      reasonCode: 'invalid-payload',
      reasonMentions: 'schemaVersion',
    },
    {
      kind: 'report task: wrong types',
      subject: SUBJECTS.task.report,
      messageId: `${id('report')}/report`,
      data: json({
        ...envelope(id('report'), 'task.report', `${id('report')}/report`),
        query: 7,
        rankingArtifact: false,
      }),
      headers: swarmHeaders(id('report'), 'task.report'),
      reasonCode: 'invalid-payload',
      reasonMentions: 'query',
    },
  ];
}

/** Publishes a payload one byte over max_payload and reports how the client refused it. */
async function publishOversized(
  client: SwarmClient,
  prefix: string,
  maxPayload: number,
): Promise<ScenarioCheck> {
  const goalId = `${prefix}-oversize`;
  try {
    const ack = await client.publishRaw(
      SUBJECTS.event(goalId, 'goal.submitted'),
      new Uint8Array(maxPayload + 1),
      `${goalId}/submitted/poison`,
    );
    return {
      name: `a ${maxPayload + 1}-byte payload is refused at the door`,
      ok: false,
      detail: `it was accepted (stream ${ack.stream} seq ${ack.seq})`,
    };
  } catch (error) {
    return {
      name: `a ${maxPayload + 1}-byte payload is refused at the door`,
      ok: true,
      detail: `the client refused it before it reached the server: ${(error as Error).message}`,
    };
  }
}

function recordFor(records: readonly DeadLetterRecord[], poison: Poison): DeadLetterRecord | undefined {
  return records.find((record) => record.headers[HEADERS.messageId]?.[0] === poison.messageId);
}

/**
 * Scenario 4: poison goes in while good goals flow. Each poison lands in the dead-letter stream with its reason
 * (and its payload, cut at the configured limit); the good goals all complete; the goal whose id was reused
 * completes as itself; a payload over max_payload is refused by the client before it reaches the bus.
 */
export function runPoisonInput(size: PoisonInputSize, options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => undefined);
  return withPrivateSwarm(
    {
      env: options.env,
      fanOut: options.fanOut,
      scale: { scraper: 2 },
    },
    async (swarm) => {
      const startedAt = Date.now();
      const prefix = runPrefix('poison');
      const maxPayload = swarm.client.bus.nc.info?.max_payload ?? 1_048_576;
      const goals = planGoals(`${prefix}-good`, size.goodGoals);
      const feeding = feedGoals(swarm.client, swarm.ledger, goals, {
        perSecond: size.perSecond,
        deadlineMs: size.deadlineMs,
      });
      // The impostor must come after the real goal was accepted, or it would be the one accepted.
      const reusedGoalId = goals[0]!.goalId;
      await waitFor(async () => (await swarm.client.goal(reusedGoalId)).get(CONTEXT_KEYS.spec), {
        timeoutMs: 30_000,
        description: `goal ${reusedGoalId} accepted`,
      });
      await sleep(Math.min(2_000, (size.goodGoals / size.perSecond / 4) * 1_000));
      const poisons: Poison[] = [];
      const refused: ScenarioCheck[] = [];
      for (let round = 0; round < size.rounds; round++) {
        for (const poison of poisonFor(`${prefix}-r${round}`, maxPayload, reusedGoalId)) {
          await swarm.client.publishRaw(poison.subject, poison.data, poison.messageId, poison.headers);
          poisons.push(poison);
        }
        refused.push(await publishOversized(swarm.client, `${prefix}-r${round}`, maxPayload));
        log(
          `poison round ${round + 1}: ${poisons.length} poison messages in, ${swarm.ledger.unfinished().length} good goals open`,
        );
      }
      await feeding;
      await swarm.ledger.waitForAll(Math.max(0, startedAt + size.deadlineMs - Date.now()));
      let records: DeadLetterRecord[] = [];
      const expected = new Set(poisons.map((p) => p.messageId));
      for (let attempt = 0; attempt < 60; attempt++) {
        records = await swarm.client.deadLetters();
        if (poisons.every((p) => recordFor(records, p))) break;
        await sleep(500);
      }
      const checks: ScenarioCheck[] = poisons
        .filter((p, i) => poisons.findIndex((q) => q.messageId === p.messageId) === i)
        .map((poison) => {
          const record = recordFor(records, poison);
          const ok =
            record !== undefined &&
            record.reason.code === poison.reasonCode &&
            record.reason.message.includes(poison.reasonMentions);
          return {
            name: `dead-lettered with its reason: ${poison.kind} (${poison.messageId})`,
            ok,
            detail: record
              ? `${record.queue}: ${record.reason.code}: ${record.reason.message.slice(0, 160)}` +
                (record.payload.truncated
                  ? ` [payload ${record.payload.bytes} bytes, kept ${record.payload.data.length}]`
                  : '')
              : 'no dead-letter record',
          };
        });
      const unexpected = records.filter(
        (record) => !expected.has(record.headers[HEADERS.messageId]?.[0] ?? ''),
      );
      const reused = swarm.ledger.finalOf(reusedGoalId);
      checks.push(
        ...refused.slice(0, 1),
        {
          name: 'the goal whose id was reused completed as itself',
          ok: reused?.type === 'goal.completed',
          detail: reused ? `${reused.type} ${reused.outcome ?? reused.reason ?? ''}` : 'never ended',
        },
        {
          name: 'nothing else was dead-lettered',
          ok: unexpected.length === 0,
          detail:
            unexpected.length === 0
              ? `${records.length} records, all poison`
              : unexpected
                  .map((r) => `${r.messageId} ${r.reason.code}`)
                  .slice(0, 5)
                  .join(', '),
        },
      );
      return await collectOutcome(swarm, {
        number: 4,
        name: 'poison-input',
        title: `${size.goodGoals} good goals around ${poisons.length} poison messages (${size.rounds}x ${poisons.length / size.rounds} kinds)`,
        startedAt,
        figures: {
          poisonMessages: poisons.length,
          poisonDeadLettered: poisons.filter((p) => recordFor(records, p)).length,
          oversizedRefusedAtTheDoor: refused.filter((c) => c.ok).length,
          maxPayloadBytes: maxPayload,
        },
        checks,
        notes: [
          'the dead-letter count includes only poison: every poison message is one record',
          `payloads over max_payload (${maxPayload} bytes) never reach the bus: the client refuses the publish, so ` +
            'they are counted as refused at the door, not as lost',
        ],
      });
    },
  );
}
