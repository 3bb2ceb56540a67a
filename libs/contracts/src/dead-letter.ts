import { z } from 'zod';
import { envelopeShape, ErrorInfo } from './envelope.js';

/** Where a dead-lettered message came from. */
export const DeadLetterSource = z.strictObject({
  stream: z.string().min(1),
  subject: z.string().min(1),
  streamSequence: z.int().min(0),
  consumer: z.string().min(1),
});
/** Where a dead-lettered message came from. */
export type DeadLetterSource = z.infer<typeof DeadLetterSource>;

/** The original payload, kept byte for byte (base64 when it is not UTF-8 text) up to a size limit. */
export const CapturedPayload = z.strictObject({
  encoding: z.enum(['utf8', 'base64']),
  data: z.string(),
  bytes: z.int().min(0),
  truncated: z.boolean(),
});
/** The original payload as captured. */
export type CapturedPayload = z.infer<typeof CapturedPayload>;

/**
 * `dead-letter`: a message the swarm gave up on, with the reason, the original payload and headers, and how
 * many times it was delivered. `goalId`/`taskId` are `unknown` when the payload was too broken to tell.
 */
export const DeadLetterRecord = z.strictObject({
  type: z.literal('dead-letter'),
  ...envelopeShape,
  queue: z.string().min(1).max(64),
  reason: ErrorInfo,
  source: DeadLetterSource,
  deliveryCount: z.int().min(0),
  payload: CapturedPayload,
  headers: z.record(z.string(), z.array(z.string())),
});
/** A message the swarm gave up on. */
export type DeadLetterRecord = z.infer<typeof DeadLetterRecord>;
