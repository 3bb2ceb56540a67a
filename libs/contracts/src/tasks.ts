import { z } from 'zod';
import { artifactLocation, ARTIFACTS } from './artifact-names.js';
import { envelopeShape, MessageId } from './envelope.js';
import { ScoringWeights } from './goal.js';
import { LIMITS } from './limits.js';

/** A package the search agent found, with the metadata facts the ranker scores on. */
export const Candidate = z.strictObject({
  id: z.string().min(1).max(214),
  name: z.string().min(1).max(214),
  summary: z.string().max(2_000),
  url: z.url(),
  homepage: z.url().optional(),
  repository: z.string().max(500).optional(),
  keywords: z.array(z.string().max(100)).max(64),
  monthlyDownloads: z.int().min(0),
  license: z.string().max(100).optional(),
  version: z.string().max(64).optional(),
  lastPublished: z.iso.date().optional(),
  searchScore: z.number().min(0),
});
/** A package the search agent found. */
export type Candidate = z.infer<typeof Candidate>;

/** `task.scrape`: fetch and extract one candidate's documentation page. One per candidate (the fan-out). */
export const ScrapeTask = z
  .strictObject({
    type: z.literal('task.scrape'),
    ...envelopeShape,
    candidate: Candidate,
    candidateIndex: z.int().min(0),
    candidateCount: z.int().min(1).max(LIMITS.candidatesMax),
  })
  .refine((task) => task.candidateIndex < task.candidateCount, {
    message: 'candidateIndex must be below candidateCount',
    path: ['candidateIndex'],
  });
/** Fetch and extract one candidate's documentation page. */
export type ScrapeTask = z.infer<typeof ScrapeTask>;

/** A scrape that fed the join, with the trace context it ran under (for span links on the rank task). */
export const Contribution = z.strictObject({
  taskId: MessageId,
  candidateId: z.string().min(1).max(214),
  ok: z.boolean(),
  traceparent: z.string().max(128).optional(),
});
/** A scrape that fed the join. */
export type Contribution = z.infer<typeof Contribution>;

/** `task.rank`: score and order the scraped candidates. Stored once per goal, emitted by the join's last slot. */
export const RankTask = z.strictObject({
  type: z.literal('task.rank'),
  ...envelopeShape,
  query: z.string().min(1).max(LIMITS.goalTextMaxChars),
  topN: z.int().min(1).max(LIMITS.topNMax),
  weights: ScoringWeights.partial().optional(),
  contributions: z.array(Contribution).min(1).max(LIMITS.candidatesMax),
});
/** Score and order the scraped candidates. */
export type RankTask = z.infer<typeof RankTask>;

/** `task.report`: write the comparison report, ask for approval when the goal wants it, and deliver it. */
export const ReportTask = z.strictObject({
  type: z.literal('task.report'),
  ...envelopeShape,
  query: z.string().min(1).max(LIMITS.goalTextMaxChars),
  rankingArtifact: z
    .string()
    .min(1)
    .max(500)
    .describe(`The ranking to report on: ${artifactLocation(ARTIFACTS.ranking)}.`),
  requireApproval: z.boolean(),
  deliverTo: z.array(z.string().min(1).max(64)).max(16).optional(),
});
/** Write and deliver the comparison report. */
export type ReportTask = z.infer<typeof ReportTask>;
