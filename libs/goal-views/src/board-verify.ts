import type { GoalEvidence, GoalOutcome } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import type { IgnoredEvent } from './event-trust.js';
import { judgeGoalEvents, renderIgnored } from './event-trust.js';
import type { GoalHead } from './goal-board.js';
import type { GoalEvent } from './goal-timeline.js';
import { toGoalEvents } from './goal-timeline.js';

/** A goal's last `goal.completed` and `goal.failed` (with their stream sequence), and its context as evidence. */
export interface EndReading {
  readonly ends: readonly { readonly event: GoalEvent; readonly seq: number }[];
  readonly evidence: GoalEvidence;
}

/**
 * An ended head checked in full against its goal's context (`judgeTerminalEvent`): it ends at its first honoured
 * terminal event, and is open again when none is honoured; each ignored one becomes a warning line. Pure.
 */
export function verifyHead(head: GoalHead, reading: EndReading): { head: GoalHead; warnings: string[] } {
  const ordered = [...reading.ends].sort((a, b) => a.seq - b.seq);
  const judged = judgeGoalEvents(
    head.goalId,
    ordered.map((end) => end.event),
    reading.evidence,
  );
  const end = judged.honoured[0];
  const outcome =
    end === undefined
      ? 'open'
      : end.type === 'goal.failed'
        ? 'failed'
        : ((end.body['outcome'] as GoalOutcome | undefined) ?? 'ended');
  return {
    head: { ...head, outcome, endedAt: end?.time },
    warnings: judged.ignored.map((ignored: IgnoredEvent) => `goal ${head.goalId}: ${renderIgnored(ignored)}`),
  };
}

/**
 * Checks the ended heads among `heads` in full: per goal, its last terminal events and its context's keys (a few
 * requests each), so `swarm goals` spends it only on the rows it shows. Open heads pass through unread.
 */
export async function verifyEndedHeads(
  client: SwarmClient,
  heads: readonly GoalHead[],
): Promise<{ heads: GoalHead[]; warnings: string[] }> {
  const { topology } = client;
  const warnings: string[] = [];
  const verified: GoalHead[] = [];
  for (const head of heads) {
    if (head.outcome === 'open') {
      verified.push(head);
      continue;
    }
    const stored = await Promise.all(
      (['goal.completed', 'goal.failed'] as const).map((type) =>
        client.readMessage(topology.eventsStream, { last: topology.eventSubject(head.goalId, type) }),
      ),
    );
    const ends = stored.flatMap((message) =>
      message ? toGoalEvents([message]).map((event) => ({ event, seq: message.streamSequence })) : [],
    );
    const result = verifyHead(head, { ends, evidence: await client.goalEvidence(head.goalId) });
    verified.push(result.head);
    warnings.push(...result.warnings);
  }
  return { heads: verified, warnings };
}
