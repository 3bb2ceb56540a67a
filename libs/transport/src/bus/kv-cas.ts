import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';

/** Whether a KV write lost a compare-and-set race: the key's revision was not the one the write expected. */
export function isCasConflict(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}
