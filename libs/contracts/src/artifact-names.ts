import { BUCKETS } from './topology.js';

/** An object-store bucket artifacts live in (a `BUCKETS` key); each bucket has exactly one writing agent. */
export type ArtifactBucket = 'artifacts' | 'reports';

/**
 * Artifact names. An artifact is the object `<goalId>/<name>` in the bucket `ARTIFACT_BUCKETS` names for it,
 * written once (first write wins, never overwritten or purged).
 */
export const ARTIFACTS = {
  /** The ranker's Ranking (JSON), in `swarm-artifacts`. */
  ranking: 'ranking.json',
  /** The Markdown report a human approves or rejects (goals with `requireApproval`), in `swarm-reports`. */
  reportPreview: 'report.preview.md',
  /**
   * What a report awaiting approval was written from (JSON: goal text, agents, narrative, usage), in
   * `swarm-reports`: the goal resumed after the decision delivers the report the approver saw, not a new draft.
   */
  reportDraft: 'report.draft.json',
  /** The delivered Markdown report, in `swarm-reports`. */
  reportMarkdown: 'report.md',
  /** The delivered HTML report, in `swarm-reports`. */
  reportHtml: 'report.html',
} as const;
/** An artifact name. */
export type ArtifactName = (typeof ARTIFACTS)[keyof typeof ARTIFACTS];

/**
 * Which bucket each artifact lives in, one bucket per writer so an agent's credentials reach only its own
 * artifacts: the ranker writes `artifacts` (`swarm-artifacts`), communications writes `reports`
 * (`swarm-reports`).
 */
export const ARTIFACT_BUCKETS: { readonly [N in ArtifactName]: ArtifactBucket } = {
  'ranking.json': 'artifacts',
  'report.preview.md': 'reports',
  'report.draft.json': 'reports',
  'report.md': 'reports',
  'report.html': 'reports',
};

/** The bucket of an artifact name (without the `<goalId>/` prefix); undefined for a name not in ARTIFACTS. */
export function artifactBucketOf(name: string): ArtifactBucket | undefined {
  return Object.hasOwn(ARTIFACT_BUCKETS, name) ? ARTIFACT_BUCKETS[name as ArtifactName] : undefined;
}

/** The name of the object-store bucket an artifact lives in, e.g. `swarm-reports` for `report.md`. */
export function artifactBucketName(name: ArtifactName): string {
  return BUCKETS[ARTIFACT_BUCKETS[name]];
}

/** Where an artifact lives, for schema descriptions and docs: "object `<goalId>/<name>` in bucket `<bucket>`". */
export function artifactLocation(name: ArtifactName): string {
  return `object \`<goalId>/${name}\` in the object-store bucket \`${artifactBucketName(name)}\``;
}
