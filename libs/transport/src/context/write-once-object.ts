import type { ObjectStore } from '@nats-io/obj';
import { ArtifactNotStoredError } from '../errors.js';

/**
 * Stores an object only if its name is free; returns whether this call stored it. An existing object is kept
 * as it is (first write wins), so nothing is ever overwritten and no chunk is ever purged: nats.js purges only
 * the chunks an overwrite replaces, and a write-once store never overwrites.
 *
 * Two writers racing into one free name: the object's meta is published with "expected last subject sequence
 * 0", so the server takes one meta and refuses the other. nats.js then asks to purge the loser's chunks, which
 * a writer without purge rights is refused (its chunks expire with the bucket's TTL); the loser finds the
 * winner's object and reports it as not created.
 *
 * @throws {ArtifactNotStoredError} (retryable) when the write failed and no object of that name exists.
 */
export async function putOnce(
  store: ObjectStore,
  bucket: string,
  name: string,
  bytes: Uint8Array,
  description?: string,
): Promise<boolean> {
  if (await store.info(name)) return false;
  try {
    await store.putBlob({ name, ...(description ? { description } : {}) }, bytes, { previousRevision: 0 });
    return true;
  } catch (error) {
    const stored = await store.info(name).catch(() => null);
    if (stored) return false;
    throw new ArtifactNotStoredError(name, bucket, { cause: error });
  }
}
