import type { DeadLetterRecord, QueueName } from '@swarm/contracts';
import { QUEUES } from '@swarm/contracts';
import type { ReplayTarget, SwarmClient } from '@swarm/transport';
import { ReplayRefusedError } from '@swarm/transport';
import { CliError, EXIT_CODES } from '../errors.js';

/** How much of a model's last output `swarm dlq list` shows. */
const LAST_OUTPUT_SHOWN_CHARS = 200;

/**
 * One dead-letter record as `swarm dlq list` shows it: where it came from, the reason, the payload size, and for
 * a model's invalid output (`reason.model`) the model, the prompt version, the validation errors and the start
 * of what the model last said, and with `replay` where `swarm dlq replay` would put it. Pure.
 */
export function renderDeadLetter(r: DeadLetterRecord, replay?: ReplayTarget): string {
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
  if (replay) lines.push(`    replay: ${renderReplay(r, replay)}`);
  return lines.join('\n');
}

/** Where `swarm dlq replay` would put a record (`onto swarm.task.rank`), or why it would refuse. Pure. */
export function renderReplay(r: DeadLetterRecord, replay: ReplayTarget): string {
  if (!replay.ok) return `refused: ${replay.reason}`;
  if (r.payload.truncated)
    return `refused: it kept only ${r.payload.data.length} of ${r.payload.bytes} bytes`;
  return `onto ${replay.subject} (queue ${replay.queue})`;
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

/** `swarm dlq list`: every dead-letter record (of one queue when given), oldest first, with where a replay goes. */
export async function runDlqList(
  client: SwarmClient,
  out: (line: string) => void,
  queue?: QueueName,
): Promise<number> {
  const entries = await client.deadLetterEntries(queue);
  if (entries.length === 0) out('the dead-letter stream is empty');
  for (const entry of entries) out(renderDeadLetter(entry.record, entry.replay));
  return entries.length;
}

/**
 * `swarm dlq replay <id>`: puts the original message back, only onto the task subject of the queue the record
 * was filed under. Throws CliError (exit 1) naming why a record that names another subject or queue is refused.
 */
export async function runDlqReplay(
  client: SwarmClient,
  id: string,
  out: (line: string) => void,
): Promise<void> {
  try {
    const ack = await client.replayDeadLetter(id);
    out(`replayed ${id} onto stream ${ack.stream} (seq ${ack.seq})`);
  } catch (error) {
    if (error instanceof ReplayRefusedError)
      throw new CliError(`${error.message}; nothing was published`, EXIT_CODES.failure, { cause: error });
    throw error;
  }
}
