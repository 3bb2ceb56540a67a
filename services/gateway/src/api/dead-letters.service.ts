import { Inject, Injectable } from '@nestjs/common';
import type { DeadLetterEntry, SwarmClient } from '@swarm/transport';
import { z } from 'zod';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';
import type { DeadLetterView } from './api-schemas.js';
import { SWARM_CLIENT } from './tokens.js';

/** The most of a dead letter's payload the list shows, in characters. */
export const PAYLOAD_PREVIEW_MAX_CHARS = 2_048;

/** A dead letter as the API lists it: the payload as text, cut to `PAYLOAD_PREVIEW_MAX_CHARS`. Pure. */
export function toDeadLetterView(entry: DeadLetterEntry): z.infer<typeof DeadLetterView> {
  const { record, replay } = entry;
  const text =
    record.payload.encoding === 'utf8'
      ? record.payload.data
      : `(${record.payload.bytes} bytes, base64) ${record.payload.data}`;
  return {
    id: record.messageId,
    queue: record.queue,
    reason: { code: record.reason.code, message: record.reason.message, retryable: record.reason.retryable },
    goalId: record.goalId,
    taskId: record.taskId,
    failedAt: record.timestamp,
    attempts: record.deliveryCount,
    payloadPreview:
      text.length > PAYLOAD_PREVIEW_MAX_CHARS ? `${text.slice(0, PAYLOAD_PREVIEW_MAX_CHARS)}…` : text,
    replay: replay.ok ? { ok: true, subject: replay.subject } : { ok: false, reason: replay.reason },
  };
}

/** Dead letters: list (optionally of one queue) and replay. */
@Injectable()
export class DeadLettersService {
  constructor(@Inject(SWARM_CLIENT) private readonly client: SwarmClient) {}

  /** Dead letters, newest first. Throws 400 for a queue the swarm does not have. */
  async list(queue?: string): Promise<z.infer<typeof DeadLetterView>[]> {
    if (queue !== undefined && !(queue in this.client.topology.queues))
      throw new GatewayError(
        400,
        GATEWAY_ERROR_CODES.invalidRequest,
        `queue "${queue}" is not one of ${Object.keys(this.client.topology.queues).join(', ')}`,
      );
    return (await this.client.deadLetterEntries(queue)).map(toDeadLetterView).reverse();
  }

  /**
   * Puts a dead letter back on its queue. Throws 404 `dead-letter-not-found`, or ReplayRefusedError (409
   * `replay-refused`) when the record names another subject than it was filed under or lost part of its payload.
   */
  async replay(id: string): Promise<{ replayedTo: string; seq: number }> {
    const entry = (await this.client.deadLetterEntries()).find((e) => e.record.messageId === id);
    if (!entry) throw new GatewayError(404, GATEWAY_ERROR_CODES.deadLetterNotFound, `no dead letter "${id}"`);
    const ack = await this.client.replayDeadLetter(id);
    return { replayedTo: entry.replay.ok ? entry.replay.subject : entry.record.queue, seq: ack.seq };
  }
}
