import type { CapturedPayload } from '@swarm/contracts';
import { HEADERS } from '@swarm/contracts';

const encoder = new TextEncoder();

/** Encodes a message as UTF-8 JSON bytes. */
export function encodeJson(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

/** Keeps a payload byte for byte: as text when it is valid UTF-8, else base64, cut at `limitBytes`. Pure. */
export function capturePayload(bytes: Uint8Array, limitBytes: number): CapturedPayload {
  const kept = bytes.subarray(0, Math.min(bytes.length, limitBytes));
  const truncated = kept.length < bytes.length;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(kept);
    return { encoding: 'utf8', data: text, bytes: bytes.length, truncated };
  } catch {
    return { encoding: 'base64', data: Buffer.from(kept).toString('base64'), bytes: bytes.length, truncated };
  }
}

/** Restores the bytes of a captured payload (for replay). */
export function restorePayload(payload: CapturedPayload): Uint8Array {
  return payload.encoding === 'utf8'
    ? encoder.encode(payload.data)
    : new Uint8Array(Buffer.from(payload.data, 'base64'));
}

/** A header map as plain data: name to its values. */
export type HeaderRecord = Record<string, string[]>;

/** Best-effort ids of a message too broken to parse: from headers first, then from a JSON-looking payload. */
export function sniffIds(
  headers: HeaderRecord,
  bytes: Uint8Array,
): { goalId?: string; taskId?: string; messageId?: string } {
  const fromHeader = (name: string) => headers[name]?.[0];
  let goalId = fromHeader(HEADERS.goalId);
  let taskId = fromHeader(HEADERS.taskId);
  let messageId = fromHeader(HEADERS.messageId);
  if (goalId === undefined || taskId === undefined) {
    const text = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('utf8');
    goalId ??= /"goalId"\s*:\s*"([A-Za-z0-9_-]{1,64})"/.exec(text)?.[1];
    taskId ??= /"taskId"\s*:\s*"([A-Za-z0-9_.:/-]{1,200})"/.exec(text)?.[1];
    messageId ??= /"messageId"\s*:\s*"([A-Za-z0-9_.:/-]{1,200})"/.exec(text)?.[1];
  }
  const token = /^[A-Za-z0-9_-]{1,64}$/;
  const id = /^[A-Za-z0-9_.:/-]{1,200}$/;
  return {
    goalId: goalId !== undefined && token.test(goalId) ? goalId : undefined,
    taskId: taskId !== undefined && id.test(taskId) ? taskId : undefined,
    messageId: messageId !== undefined && id.test(messageId) ? messageId : undefined,
  };
}
