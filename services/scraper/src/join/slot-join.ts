import type { ScrapeOutcome } from '@swarm/contracts';
import { CONTEXT_KEYS, ScrapeOutcome as ScrapeOutcomeSchema } from '@swarm/contracts';
import type { GoalContext } from '@swarm/transport';
import { slotsToCheck } from '../domain/scrape-join.js';

/** Where a landing left the join. */
export type JoinLanding =
  | { readonly complete: false; readonly storedByThis: boolean }
  | { readonly complete: true; readonly storedByThis: boolean; readonly slots: readonly ScrapeOutcome[] };

/**
 * Lands one scrape in its goal's join and reports whether the join is now complete.
 *
 * The join is one goal-context key per candidate, `scrape.<i>`, and nothing else: a scrape lands by creating
 * its own key (first write wins, so a redelivery keeps the first outcome), then reads the other keys and stops
 * at the first one missing. No two scrapes write the same key, so the join needs no compare-and-set on a shared
 * record: it is immune to clustered servers before 2.9.21 that accept two compare-and-sets on one revision
 * (nats-io/nats-server#4320), and it costs nothing in conflicts however wide the fan-out.
 *
 * Why at least one scrape sees the join complete: the stream leader stores the writes one after another and
 * acknowledges each only once stored, and every read goes to the leader (the goals bucket has `allow_direct`
 * off). The scrape whose key was stored last reads after that, so it finds every other key. Scrapes landing
 * together may both see it complete; they emit the same rank task id, and the stream keeps one.
 */
export async function landInJoin(
  goal: GoalContext,
  slot: { readonly candidateIndex: number; readonly candidateCount: number },
  outcome: ScrapeOutcome,
): Promise<JoinLanding> {
  const stored = await goal.create(CONTEXT_KEYS.scrape(slot.candidateIndex), outcome);
  const slots: ScrapeOutcome[] = [];
  slots[slot.candidateIndex] = ScrapeOutcomeSchema.parse(stored.value);
  for (const index of slotsToCheck(slot.candidateIndex, slot.candidateCount)) {
    const other = await goal.get(CONTEXT_KEYS.scrape(index), ScrapeOutcomeSchema);
    if (!other) return { complete: false, storedByThis: stored.created };
    slots[index] = other.value;
  }
  return { complete: true, storedByThis: stored.created, slots };
}
