import { startNats } from '@swarm/testing';
import { startChaosSwarm } from '../harness/chaos-swarm.js';
import { feedGoals, planGoals } from '../harness/goal-feeder.js';

/** What the outage-after-send reproduction found. */
export interface OutageResendReport {
  readonly goalId: string;
  readonly deliveries: number;
  readonly idempotencyKeys: readonly string[];
  readonly final: string;
  readonly outageSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reproduces a repeated webhook delivery without any agent crash: one goal, one replica per agent, a single
 * nats-server with a file store. When the receiver gets the report it SIGKILLs nats-server before answering
 * (the send succeeded; NATS is gone when the communications agent goes to record it), keeps it down for
 * `outageMs` (past the client's request timeout), then restarts it. The agent cannot record the delivery, its
 * task fails and is redelivered once NATS is back, the side-effect ledger still says the send only started, and
 * the webhook (safe to repeat by key) is sent again with the same key.
 */
export async function runOutageResend(
  env: Readonly<Record<string, string | undefined>>,
  outageMs = 15_000,
): Promise<OutageResendReport> {
  const nats = await startNats({ forceSpawn: true });
  let outage: Promise<void> | undefined;
  try {
    const swarm = await startChaosSwarm({
      env,
      natsUrl: nats.url,
      beforeWebhookAnswer: async () => {
        if (outage) return;
        outage = (async () => {
          await nats.kill();
          await sleep(outageMs);
          await nats.restart();
        })();
        // Answer once the server is gone, so the record write is the first thing to meet the outage.
        await sleep(200);
      },
    });
    try {
      const [goal] = planGoals(`resend-${Date.now().toString(36)}`, 1);
      await feedGoals(swarm.client, swarm.ledger, [goal!], { deadlineMs: 30_000 });
      await swarm.ledger.waitForAll(outageMs + 90_000);
      await outage;
      await sleep(2_000);
      const copies = swarm.webhook.tally().deliveries.filter((d) => d.goalId === goal!.goalId);
      const final = swarm.ledger.finalOf(goal!.goalId);
      return {
        goalId: goal!.goalId,
        deliveries: copies.length,
        idempotencyKeys: [...new Set(copies.map((d) => d.idempotencyKey ?? '(none)'))],
        final: final ? `${final.type} ${final.outcome ?? final.reason ?? ''}`.trim() : 'never ended',
        outageSeconds: outageMs / 1_000,
      };
    } finally {
      await swarm.stop();
    }
  } finally {
    await outage?.catch(() => undefined);
    await nats.stop();
  }
}
