import { setTimeout as sleep } from 'node:timers/promises';
import type { KV } from '@nats-io/kv';
import type { ObjectStore } from '@nats-io/obj';
import type { ArtifactBucket } from '@swarm/contracts';
import { artifactBucketOf } from '@swarm/contracts';
import type { z } from 'zod';
import { encodeJson } from '../bus/codec.js';
import { isCasConflict } from '../bus/kv-cas.js';
import { inSpan } from '../observability/tracing.js';
import { CasConflictError, UnknownArtifactError } from '../errors.js';
import { putOnce } from './write-once-object.js';

/** A value read from the goal context with the revision a compare-and-set needs. */
export interface Revisioned<T> {
  readonly value: T;
  readonly revision: number;
}

/** A value listed under a prefix: its key within the goal (e.g. `usage.rank.g-1_rank.1`), value and revision. */
export interface Listed<T> extends Revisioned<T> {
  readonly key: string;
}

/** The outcome of an update: the value now stored and whether this call changed it. */
export interface UpdateResult<T> extends Revisioned<T | undefined> {
  readonly changed: boolean;
}

/** The open object store behind each artifact bucket of the contracts, with its bucket name. */
export type ArtifactStores = Readonly<
  Record<ArtifactBucket, { readonly bucket: string; readonly store: ObjectStore }>
>;

/** An artifact as `putArtifact` left it: its object name and whether this call stored it. */
export interface StoredArtifact {
  /** The object name, `<goalId>/<name>`: what events and tasks carry to name the artifact. */
  readonly name: string;
  /** False when the object already existed: what is stored is the first write's content, not this call's. */
  readonly created: boolean;
}

const KEY_PATTERN = /^[-/_=.a-zA-Z0-9]+$/;

/**
 * One goal's shared context: small JSON values in KV under `<goalId>.<key>` (an agent reads only the keys it
 * needs) and large artifacts under `<goalId>/<name>` in the object-store bucket the contracts name for each
 * artifact (`ARTIFACT_BUCKETS`: one bucket per writing agent). Artifacts are written once and never purged.
 */
export class GoalContext {
  constructor(
    readonly goalId: string,
    private readonly kv: KV,
    private readonly objects: ArtifactStores,
    private readonly casMaxAttempts: number,
  ) {}

  private keyOf(key: string): string {
    const full = `${this.goalId}.${key}`;
    if (!KEY_PATTERN.test(key))
      throw new Error(`invalid goal context key "${key}": use letters, digits and -/_=.`);
    return full;
  }

  /** Reads a key; with a schema the value is validated. Undefined when absent. */
  get<T = unknown>(key: string, schema?: z.ZodType<T>): Promise<Revisioned<T> | undefined> {
    return inSpan('kv get', { 'swarm.kv.key': key, 'swarm.goal.id': this.goalId }, () =>
      this.read(key, schema),
    );
  }

  private async read<T>(key: string, schema?: z.ZodType<T>): Promise<Revisioned<T> | undefined> {
    const entry = await this.kv.get(this.keyOf(key));
    if (!entry || entry.operation !== 'PUT') return undefined;
    const json: unknown = entry.json();
    return { value: schema ? schema.parse(json) : (json as T), revision: entry.revision };
  }

  /**
   * Every key of the goal's context (without the `<goalId>.`), in key order; keys deleted or purged are skipped.
   * Reads headers only (an ordered consumer on the bucket's stream), so it costs a few bytes per key. Readers
   * judge events by which keys exist: each key family has one writer (`roleOfContextKey`).
   */
  keys(): Promise<string[]> {
    return inSpan('kv keys', { 'swarm.goal.id': this.goalId }, async () => {
      const keys: string[] = [];
      for await (const key of await this.kv.keys(`${this.goalId}.>`))
        keys.push(key.slice(this.goalId.length + 1));
      return keys.sort();
    });
  }

  /**
   * Reads every key under a prefix ending in `.` (e.g. `usage.`), in key order, each with its key (without the
   * `<goalId>.`) and its revision; with a schema each value is validated (a value that fails throws the zod
   * error). Keys deleted or purged are skipped. Revisions are the KV stream's sequence: one total order of
   * writes that every reader sees the same, and a listing that holds a key holds every older one still stored.
   */
  list<T = unknown>(prefix: string, schema?: z.ZodType<T>): Promise<Listed<T>[]> {
    return inSpan('kv list', { 'swarm.kv.prefix': prefix, 'swarm.goal.id': this.goalId }, async () => {
      if (!prefix.endsWith('.'))
        throw new Error(`invalid goal context prefix "${prefix}": it must end in "."`);
      const keys: string[] = [];
      for await (const key of await this.kv.keys(`${this.keyOf(prefix.slice(0, -1))}.>`)) keys.push(key);
      keys.sort();
      const values = await Promise.all(
        keys.map(async (full) => {
          const key = full.slice(this.goalId.length + 1);
          const read = await this.read<T>(key, schema);
          return read ? { key, ...read } : undefined;
        }),
      );
      return values.filter((value): value is Listed<T> => value !== undefined);
    });
  }

  /** Writes a key only if it does not exist yet; returns what is stored either way. */
  create<T>(key: string, value: T): Promise<Revisioned<T> & { readonly created: boolean }> {
    return inSpan('kv create', { 'swarm.kv.key': key, 'swarm.goal.id': this.goalId }, () =>
      this.createOnce(key, value),
    );
  }

  private async createOnce<T>(key: string, value: T): Promise<Revisioned<T> & { readonly created: boolean }> {
    try {
      const revision = await this.kv.create(this.keyOf(key), encodeJson(value));
      return { value, revision, created: true };
    } catch (error) {
      if (!isCasConflict(error)) throw error;
      const existing = await this.read<T>(key);
      if (!existing) throw new CasConflictError(this.keyOf(key), 1, { cause: error });
      return { ...existing, created: false };
    }
  }

  /**
   * Compare-and-set update. `mutate` gets the current value (undefined when absent) and returns the next one,
   * or `undefined` to leave it unchanged. On a concurrent write it re-reads and tries again, so no update is
   * lost; after `casMaxAttempts` losses it throws a retryable CasConflictError. `mutate` must be pure.
   */
  update<T>(key: string, mutate: (current: T | undefined) => T | undefined): Promise<UpdateResult<T>> {
    return inSpan('kv compare-and-set', { 'swarm.kv.key': key, 'swarm.goal.id': this.goalId }, () =>
      this.compareAndSet(key, mutate),
    );
  }

  private async compareAndSet<T>(
    key: string,
    mutate: (current: T | undefined) => T | undefined,
  ): Promise<UpdateResult<T>> {
    const fullKey = this.keyOf(key);
    for (let attempt = 1; attempt <= this.casMaxAttempts; attempt++) {
      const current = await this.read<T>(key);
      const next = mutate(current?.value);
      if (next === undefined)
        return { value: current?.value, revision: current?.revision ?? 0, changed: false };
      try {
        const revision = current
          ? await this.kv.update(fullKey, encodeJson(next), current.revision)
          : await this.kv.create(fullKey, encodeJson(next));
        return { value: next, revision, changed: true };
      } catch (error) {
        if (!isCasConflict(error)) throw error;
        if (attempt === this.casMaxAttempts) throw new CasConflictError(fullKey, attempt, { cause: error });
        await sleep(Math.random() * Math.min(50, 2 * attempt));
      }
    }
    throw new CasConflictError(fullKey, this.casMaxAttempts);
  }

  /**
   * Stores an artifact once, as `<goalId>/<name>` in the artifact's bucket. If it already exists it is kept
   * (first write wins, like `create`): a redelivered task gets what its first attempt stored, and nothing is
   * ever overwritten or purged. Check `created` and read the artifact back when the content matters.
   *
   * @throws {UnknownArtifactError} when `name` is not one of `ARTIFACTS`.
   * @throws {ArtifactNotStoredError} (retryable) when the write failed and the object does not exist.
   */
  putArtifact(name: string, data: Uint8Array | string, description?: string): Promise<StoredArtifact> {
    const { bucket, objectName } = this.artifactObject(name);
    if (!bucket) return Promise.reject(new UnknownArtifactError(name));
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const { store, bucket: bucketName } = this.objects[bucket];
    return inSpan(
      'object put',
      {
        'swarm.object.bucket': bucketName,
        'swarm.object.name': objectName,
        'swarm.object.bytes': bytes.length,
        'swarm.goal.id': this.goalId,
      },
      async () => {
        const created = await putOnce(store, bucketName, objectName, bytes, description);
        return { name: objectName, created };
      },
    );
  }

  /**
   * Reads an artifact by its name (`ARTIFACTS`) or its object name (`<goalId>/<name>`, as events and tasks
   * carry it) from the artifact's bucket. Undefined when it is absent or the name is not one of this goal's
   * artifacts.
   */
  getArtifact(name: string): Promise<Uint8Array | undefined> {
    const { bucket, objectName } = this.artifactObject(name);
    if (!bucket) return Promise.resolve(undefined);
    const { store, bucket: bucketName } = this.objects[bucket];
    return inSpan(
      'object get',
      { 'swarm.object.bucket': bucketName, 'swarm.object.name': objectName, 'swarm.goal.id': this.goalId },
      async () => (await store.getBlob(objectName)) ?? undefined,
    );
  }

  private artifactObject(name: string): { bucket: ArtifactBucket | undefined; objectName: string } {
    const base = name.startsWith(`${this.goalId}/`) ? name.slice(this.goalId.length + 1) : name;
    return { bucket: artifactBucketOf(base), objectName: `${this.goalId}/${base}` };
  }
}
