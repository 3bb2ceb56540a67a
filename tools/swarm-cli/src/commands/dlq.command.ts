import type { SwarmClient } from '@swarm/transport';

/** `swarm dlq list`: every dead-letter record, oldest first. */
export async function runDlqList(
  client: SwarmClient,
  out: (line: string) => void,
  queue?: string,
): Promise<number> {
  const records = await client.deadLetters(queue);
  if (records.length === 0) out('the dead-letter stream is empty');
  for (const r of records) {
    out(
      `${r.messageId}  ${r.timestamp}  queue=${r.queue} goal=${r.goalId} task=${r.taskId} deliveries=${r.deliveryCount}\n` +
        `    ${r.reason.code}: ${r.reason.message}\n    payload: ${r.payload.bytes} bytes (${r.payload.encoding}${r.payload.truncated ? ', truncated' : ''})`,
    );
  }
  return records.length;
}

/** `swarm dlq replay <id>`: puts the original message back on its subject. */
export async function runDlqReplay(
  client: SwarmClient,
  id: string,
  out: (line: string) => void,
): Promise<void> {
  const ack = await client.replayDeadLetter(id);
  out(`replayed ${id} onto stream ${ack.stream} (seq ${ack.seq})`);
}
