/** What the connected nats-server can do. Features newer than 2.9 are gated on these flags. */
export interface ServerFeatures {
  readonly version: string;
  /** `+TERM <reason>` is recorded in the TERMINATED advisory (2.10.4+); older servers get a plain `+TERM`. */
  readonly termReason: boolean;
  /** Consumers with several filter subjects (2.10+). */
  readonly multipleFilterSubjects: boolean;
  /** Consumer and stream `metadata` (2.10+). */
  readonly metadata: boolean;
  /**
   * Clustered streams serialize expected-last-sequence checks (2.9.21+, nats-io/nats-server#4320). Older
   * clustered servers can accept two compare-and-sets on one revision.
   */
  readonly serializedClusteredCas: boolean;
}

function parseVersion(version: string): [number, number, number] {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) return [0, 0, 0];
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function atLeast(version: string, major: number, minor: number, patch = 0): boolean {
  const [a, b, c] = parseVersion(version);
  if (a !== major) return a > major;
  if (b !== minor) return b > minor;
  return c >= patch;
}

/** Derives the feature flags from the server's version string (e.g. `2.9.10`). Pure. */
export function serverFeatures(version: string): ServerFeatures {
  return {
    version,
    termReason: atLeast(version, 2, 10, 4),
    multipleFilterSubjects: atLeast(version, 2, 10),
    metadata: atLeast(version, 2, 10),
    serializedClusteredCas: atLeast(version, 2, 9, 21),
  };
}
