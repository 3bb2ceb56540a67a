import type { JoinSlot, StageMessage } from '../pipeline/stage-message.js';
import { buildStageMessage } from '../pipeline/stage-message.js';

/**
 * Where one goal's scrapes land: one write-once key per slot (`scrape.<index>`). `create` stores the slot's key
 * unless present and says whether this call stored it; `has` reads one key. (The swarm's goal context, or a raw
 * JetStream KV bucket.)
 */
export interface JoinStore {
  create(index: number): Promise<boolean>;
  has(index: number): Promise<boolean>;
}

/** The key of a scrape slot within its goal (the swarm's `scrape.<i>`). */
export function slotKey(index: number): string {
  return `scrape.${index}`;
}

/**
 * The search stage's fan-out: `count` scrape tasks for the goal, each with its slot and its own deterministic id
 * (so a redelivered search publishes the same ones again and the stream keeps one of each). Pure.
 */
export function fanOutScrapes(
  received: Pick<StageMessage, 'goalId' | 'messageId'>,
  count: number,
): StageMessage[] {
  const timestamp = new Date().toISOString();
  return Array.from({ length: count }, (_, index) =>
    buildStageMessage({
      goalId: received.goalId,
      stage: 'scrape',
      causationId: received.messageId,
      timestamp,
      slot: { index, count },
    }),
  );
}

/**
 * Lands one scrape in its goal's join, the way the swarm's scraper does (docs/architecture.md, "The join"): creates
 * its own slot key, then reads the others starting after its own and stops at the first one missing. True when
 * this landing should emit the rank task: the join is complete and this scrape stored its slot, or it is a
 * redelivery (`mayRepeat`) whose first attempt may have died before its publish. Whoever emits uses the rank
 * task's deterministic id, so the stream keeps one.
 */
export async function landInJoin(store: JoinStore, slot: JoinSlot, mayRepeat: boolean): Promise<boolean> {
  const stored = await store.create(slot.index);
  for (let step = 1; step < slot.count; step += 1) {
    if (!(await store.has((slot.index + step) % slot.count))) return false;
  }
  return stored || mayRepeat;
}
