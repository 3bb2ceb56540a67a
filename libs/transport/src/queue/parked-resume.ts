import { HEADERS } from '@swarm/contracts';
import type { JsMsg } from '@nats-io/jetstream';
import type { BusConnection } from '../bus/bus-connection.js';
import type { HeaderRecord } from '../bus/codec.js';
import { replayHeaders } from '../client/replay-target.js';
import type { GoalBudgetLedger } from '../context/goal-budget-ledger.js';

/**
 * Closes the gap between a goal's budget running out and its task being parked: a budget addition made in that
 * gap cleared the exhausted mark but found no parked task to resume, so the task would wait for another
 * addition. Called once the task is parked (its dead letter stored): when the record is no longer exhausted and
 * no addition resumed this dead letter, the task claims its resume in the record (`claimResume`, by
 * compare-and-set, so an addition racing it cannot resume it too) and puts itself back on its queue as a replay of
 * that dead letter would (same subject, data and headers, `Swarm-Replay` tag, de-duplication id
 * `<deadLetterId>/replay/<tag>`). Returns whether it did.
 */
export async function resumeIfToppedUp(
  bus: BusConnection,
  ledger: GoalBudgetLedger,
  msg: JsMsg,
  headers: HeaderRecord,
  deadLetterId: string,
): Promise<boolean> {
  if (!(await ledger.claimResume(deadLetterId))) return false;
  const tag = String(Date.now());
  await bus.publish(msg.subject, msg.data, `${deadLetterId}/replay/${tag}`, {
    ...replayHeaders(headers),
    [HEADERS.replay]: [tag],
  });
  return true;
}
