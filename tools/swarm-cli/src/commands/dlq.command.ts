import type { DeadLetterRecord, QueueName } from '@swarm/contracts';
import { QUEUES } from '@swarm/contracts';
import type { SwarmClient } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';

/** How much of a model's last output `swarm dlq list` shows. */
const LAST_OUTPUT_SHOWN_CHARS = 200;

/**
 * One dead-letter record as `swarm dlq list` shows it: where it came from, the reason, the payload size, and for
 * a model's invalid output (`reason.model`) the model, the prompt version, the validation errors and the start
 * of what the model last said. Pure.
 */
export function renderDeadLetter(r: DeadLetterRecord): string {
  const lines = [
    `${r.messageId}  ${r.timestamp}  queue=${r.queue} goal=${r.goalId} task=${r.taskId} deliveries=${r.deliveryCount}`,
    `    ${r.reason.code}: ${r.reason.message}`,
  ];
  const model = r.reason.model;
  if (model) {
    const shown = model.lastOutput.slice(0, LAST_OUTPUT_SHOWN_CHARS);
    const cut =
      model.lastOutput.length > shown.length
        ? ` (first ${shown.length} of ${model.lastOutput.length} chars)`
        : '';
    lines.push(
      `    model: ${model.model}, prompt ${model.promptVersion}`,
      model.errors.length === 0 ? '    errors: none recorded' : `    errors (${model.errors.length}):`,
      ...model.errors.map((error) => `      - ${error}`),
      `    last output${cut}: ${JSON.stringify(shown)}`,
    );
  }
  lines.push(
    `    payload: ${r.payload.bytes} bytes (${r.payload.encoding}${r.payload.truncated ? ', truncated' : ''})`,
  );
  return lines.join('\n');
}

/**
 * `--queue`: one of the contract's `QUEUES`, so a typo is not read as "the dead-letter stream is empty". Pure.
 * Throws CliError (usage) naming the known queues.
 */
export function parseQueueName(value: string): QueueName {
  const known = Object.keys(QUEUES) as QueueName[];
  const queue = known.find((name) => name === value);
  if (!queue)
    throw new CliError(`unknown queue "${value}": the queues are ${known.join(', ')}`, EXIT_CODES.usage);
  return queue;
}

/** `swarm dlq list`: every dead-letter record (of one queue when given), oldest first. */
export async function runDlqList(
  client: SwarmClient,
  out: (line: string) => void,
  queue?: QueueName,
): Promise<number> {
  const records = await client.deadLetters(queue);
  if (records.length === 0) out('the dead-letter stream is empty');
  for (const r of records) out(renderDeadLetter(r));
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
