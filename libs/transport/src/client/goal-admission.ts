/**
 * How full one thing a new goal needs is, as the server reports it: a stream (`stream <name>`) or the
 * JetStream account (`jetstream account`). A limit of 0 or below means none.
 */
export interface CapacityReading {
  readonly resource: string;
  readonly bytes: number;
  readonly maxBytes: number;
  readonly messages: number;
  readonly maxMessages: number;
}

/** The fullest measure of a reading: bytes or messages, with its use, its limit and the fraction used. */
export interface Fill {
  readonly resource: string;
  readonly measure: 'bytes' | 'messages';
  readonly used: number;
  readonly limit: number;
  /** `used / limit`, 0..1 (above 1 is possible when a limit was lowered under what is stored). */
  readonly fill: number;
}

/** The door's answer for a new goal. */
export type Admission = { readonly admit: true } | { readonly admit: false; readonly full: Fill };

/** The fuller of a reading's bytes and messages; `undefined` when it has no limit at all. Pure. */
export function fillOf(reading: CapacityReading): Fill | undefined {
  const measures: Fill[] = [];
  if (reading.maxBytes > 0) {
    measures.push({
      resource: reading.resource,
      measure: 'bytes',
      used: reading.bytes,
      limit: reading.maxBytes,
      fill: reading.bytes / reading.maxBytes,
    });
  }
  if (reading.maxMessages > 0) {
    measures.push({
      resource: reading.resource,
      measure: 'messages',
      used: reading.messages,
      limit: reading.maxMessages,
      fill: reading.messages / reading.maxMessages,
    });
  }
  return measures.reduce<Fill | undefined>((a, b) => (a === undefined || b.fill > a.fill ? b : a), undefined);
}

/**
 * Admits a new goal only while every reading is below `highWater` (a fraction of its max bytes and of its max
 * messages); otherwise refuses on the fullest one, so the goals already running keep what is left. Pure.
 */
export function decideAdmission(readings: readonly CapacityReading[], highWater: number): Admission {
  let fullest: Fill | undefined;
  for (const reading of readings) {
    const fill = fillOf(reading);
    if (fill && fill.fill >= highWater && (fullest === undefined || fill.fill > fullest.fill)) fullest = fill;
  }
  return fullest ? { admit: false, full: fullest } : { admit: true };
}

/** What the caller can do about a refusal (shared with the publish-time refusal). */
export const NEXT_STEP =
  'Nothing was submitted: submit it again later, or raise the limit (docs/reliability.md, "Full streams")';

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const amount = (fill: Fill, value: number) =>
  fill.measure === 'bytes' ? `${value.toLocaleString('en-US')} bytes` : value.toLocaleString('en-US');

/** The one-line reason a goal was refused at the door, naming the resource and its fill. Pure. */
export function describeRefusal(full: Fill, highWater: number): string {
  const held =
    full.measure === 'bytes'
      ? `holds ${amount(full, full.used)} of its ${amount(full, full.limit)}`
      : `holds ${amount(full, full.used)} of its ${amount(full, full.limit)} messages`;
  return (
    `new goals refused, the swarm is full: ${full.resource} ${held} (${percent(full.fill)}), at or above the ` +
    `admission high-water mark of ${percent(highWater)}, kept free for the goals already running. ${NEXT_STEP}`
  );
}
