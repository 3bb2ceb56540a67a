import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { ObjectStore } from '@nats-io/obj';
import type { z } from 'zod';
import { encodeJson } from '../bus/codec.js';
import { inSpan } from '../observability/tracing.js';
import { CasConflictError } from '../errors.js';

/** A value read from the goal context with the revision a compare-and-set needs. */
export interface Revisioned<T> {
  readonly value: T;
  readonly revision: number;
}

/** The outcome of an update: the value now stored and whether this call changed it. */
export interface UpdateResult<T> extends Revisioned<T | undefined> {
  readonly changed: boolean;
}

const KEY_PATTERN = /^[-/_=.a-zA-Z0-9]+$/;

function isCasConflict(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One goal's shared context: small JSON values in KV under `<goalId>.<key>` (an agent reads only the keys it
 * needs) and large artifacts in the object store under `<goalId>/<name>`.
 */
export class GoalContext {
  constructor(
    readonly goalId: string,
    private readonly kv: KV,
    private readonly objects: ObjectStore,
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
   * Reads every key under a prefix ending in `.` (e.g. `usage.`), in key order; with a schema each value is
   * validated. Keys deleted or purged are skipped.
   */
  list<T = unknown>(prefix: string, schema?: z.ZodType<T>): Promise<Revisioned<T>[]> {
    return inSpan('kv list', { 'swarm.kv.prefix': prefix, 'swarm.goal.id': this.goalId }, async () => {
      if (!prefix.endsWith('.'))
        throw new Error(`invalid goal context prefix "${prefix}": it must end in "."`);
      const keys: string[] = [];
      for await (const key of await this.kv.keys(`${this.keyOf(prefix.slice(0, -1))}.>`)) keys.push(key);
      keys.sort();
      const values = await Promise.all(
        keys.map((key) => this.read<T>(key.slice(this.goalId.length + 1), schema)),
      );
      return values.filter((value): value is Revisioned<T> => value !== undefined);
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

  /** Stores an artifact; returns its object name (`<goalId>/<name>`). Overwrites a previous one. */
  putArtifact(name: string, data: Uint8Array | string, description?: string): Promise<string> {
    const objectName = `${this.goalId}/${name}`;
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return inSpan(
      'object put',
      { 'swarm.object.name': objectName, 'swarm.object.bytes': bytes.length, 'swarm.goal.id': this.goalId },
      async () => {
        await this.objects.putBlob({ name: objectName, description }, bytes);
        return objectName;
      },
    );
  }

  /** Reads an artifact by the name given to `putArtifact` (or a full object name). */
  getArtifact(name: string): Promise<Uint8Array | undefined> {
    const objectName = name.startsWith(`${this.goalId}/`) ? name : `${this.goalId}/${name}`;
    return inSpan(
      'object get',
      { 'swarm.object.name': objectName, 'swarm.goal.id': this.goalId },
      async () => (await this.objects.getBlob(objectName)) ?? undefined,
    );
  }
}
