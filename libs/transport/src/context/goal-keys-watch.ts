import type { KV, KvWatchEntry } from '@nats-io/kv';
import { subjectMatches } from '@swarm/contracts';

/** One change of a goal-context key as a watch sees it. */
export interface GoalKeyChange {
  readonly goalId: string;
  /** The key within the goal, without the `<goalId>.` (e.g. `decision.alice`). */
  readonly key: string;
  /** The KV revision: the bucket stream's sequence, one order every watcher sees the same. */
  readonly revision: number;
  readonly operation: 'PUT' | 'DEL' | 'PURGE';
  /** The JSON value of a PUT; undefined for a delete, a purge or a value that is no JSON. */
  readonly value: unknown;
  /** False while the watch replays the keys' current values at its start; true for changes after that. */
  readonly isUpdate: boolean;
}

/** A running watch: stop it, or await its end (it ends when stopped or when the connection closes). */
export interface GoalKeysWatch {
  stop(): void;
  readonly closed: Promise<void>;
}

function jsonOf(entry: KvWatchEntry): unknown {
  if (entry.operation !== 'PUT') return undefined;
  try {
    return entry.json();
  } catch {
    return undefined;
  }
}

/**
 * Watches the goals bucket for keys matching any of `patterns` (full keys with NATS wildcards, e.g.
 * `*.decision.*`): first the current value of every matching key (`isUpdate` false), then every change, in
 * revision order. One ordered consumer: on servers with several filter subjects (2.10+) it is filtered on the
 * patterns, on older ones it reads the whole bucket and filters here. `onChange` runs for one change at a time;
 * what it throws is passed to `onError` and the watch goes on.
 */
export async function watchGoalKeys(
  kv: KV,
  multipleFilterSubjects: boolean,
  patterns: readonly string[],
  onChange: (change: GoalKeyChange) => void | Promise<void>,
  onError: (error: unknown) => void,
): Promise<GoalKeysWatch> {
  const filter = patterns.length === 1 ? patterns[0]! : multipleFilterSubjects ? [...patterns] : '>';
  const entries = await kv.watch({ key: filter });
  const closed = (async () => {
    for await (const entry of entries) {
      if (!patterns.some((pattern) => subjectMatches(pattern, entry.key))) continue;
      const dot = entry.key.indexOf('.');
      if (dot <= 0) continue;
      try {
        await onChange({
          goalId: entry.key.slice(0, dot),
          key: entry.key.slice(dot + 1),
          revision: entry.revision,
          operation: entry.operation,
          value: jsonOf(entry),
          isUpdate: entry.isUpdate,
        });
      } catch (error) {
        onError(error);
      }
    }
  })();
  return { stop: () => entries.stop(), closed };
}
