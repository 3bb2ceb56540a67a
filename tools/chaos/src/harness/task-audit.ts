import { SUBJECTS } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';

/** One `task.claimed` event. */
export interface Claim {
  readonly taskId: string;
  readonly goalId: string;
  readonly queue: string;
  readonly instance: string;
  readonly deliveryCount: number;
  /** Server time, epoch ms. */
  readonly at: number;
}

/** What the events stream says about every task of a run. */
export interface TaskAudit {
  readonly claims: readonly Claim[];
  /** Claims of a second or later delivery (a claim expired, a replica died, a retry). */
  readonly redeliveries: number;
  /** Tasks with more than one `task.completed` event stored (a duplicate the stream did not drop). */
  readonly completedTwice: readonly string[];
  /** `task.completed` events per task id. */
  readonly completions: ReadonlyMap<
    string,
    {
      readonly count: number;
      readonly instances: readonly string[];
      readonly times: readonly number[];
      /** Each event's message id (a replayed dead letter's is `<taskId>/replay/<tag>/completed`). */
      readonly messageIds: readonly string[];
    }
  >;
}

const LIMIT = 2_000_000;

/** Reads every `task.claimed` and `task.completed` event in the stream and summarizes them. */
export async function auditTasks(client: SwarmClient): Promise<TaskAudit> {
  const stream = client.topology.eventsStream;
  const claimed = await client.readStream(stream, SUBJECTS.event('*', 'task.claimed'), { limit: LIMIT });
  const completed = await client.readStream(stream, SUBJECTS.event('*', 'task.completed'), { limit: LIMIT });
  const claims: Claim[] = claimed.flatMap((message) => {
    const body = message.body as Record<string, unknown>;
    const agent = body['agent'] as { instance?: unknown } | undefined;
    if (typeof body['taskId'] !== 'string' || typeof agent?.instance !== 'string') return [];
    return [
      {
        taskId: body['taskId'],
        goalId: String(body['goalId']),
        queue: String(body['queue']),
        instance: agent.instance,
        deliveryCount: Number(body['deliveryCount']),
        at: message.time.getTime(),
      },
    ];
  });
  const completions = new Map<
    string,
    { count: number; instances: string[]; times: number[]; messageIds: string[] }
  >();
  for (const message of completed) {
    const body = message.body as Record<string, unknown>;
    const taskId = body['taskId'];
    if (typeof taskId !== 'string') continue;
    const entry = completions.get(taskId) ?? { count: 0, instances: [], times: [], messageIds: [] };
    entry.count += 1;
    entry.messageIds.push(String(body['messageId']));
    entry.times.push(message.time.getTime());
    entry.instances.push(String((body['agent'] as { instance?: unknown } | undefined)?.instance));
    completions.set(taskId, entry);
  }
  return {
    claims,
    redeliveries: claims.filter((claim) => claim.deliveryCount > 1).length,
    completedTwice: [...completions.entries()].filter(([, e]) => e.count > 1).map(([taskId]) => taskId),
    completions,
  };
}
