import type { JsMsg } from '@nats-io/jetstream';
import { messageIds } from '@swarm/contracts';
import type { GoalBudgetLedger } from '../context/goal-budget-ledger.js';

/**
 * Whether this delivery is the leftover of a parked task whose dead letter a budget addition has already
 * replayed: the task was parked, its replica died before ending the delivery, and the replay now carries it, so
 * this delivery must end without running (reliability finding 4). Only a redelivery can be one, so a first
 * delivery costs no read.
 */
export async function supersededByReplay(msg: JsMsg, budget: GoalBudgetLedger): Promise<boolean> {
  if (msg.info.deliveryCount <= 1) return false;
  return budget.resumedByReplay(messageIds.deadLetter(msg.info.stream, msg.seq));
}
