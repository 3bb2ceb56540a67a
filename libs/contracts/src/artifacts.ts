import { z } from 'zod';
import { AgentRef, ErrorInfo, MessageId } from './envelope.js';
import { ModelUsage } from './usage.js';
import { GoalSpec, ScoringWeights } from './goal.js';
import { Candidate } from './tasks.js';

/** A claim a page makes about its tool, with the verbatim quote from the page's text that supports it. */
export const PageClaim = z.strictObject({
  claim: z.string().min(1).max(300),
  quote: z.string().min(1).max(500),
});
/** A claim a page makes, with its supporting quote. */
export type PageClaim = z.infer<typeof PageClaim>;

/** What the scraper extracted from one page. */
export const PageExtract = z.strictObject({
  url: z.url(),
  finalUrl: z.url(),
  title: z.string().max(500),
  description: z.string().max(2_000),
  /** Main text, whitespace-collapsed and cut at the scraper's text limit. */
  text: z.string().max(20_000),
  features: z.array(z.string().max(100)).max(64),
  license: z.string().max(100).optional(),
  version: z.string().max(64).optional(),
  install: z.string().max(300).optional(),
  /** Other tools and services the page says it works with (a model-backed scraper's extraction). */
  integrations: z.array(z.string().max(100)).max(64).optional(),
  /** Claims the page makes, each with a quote that occurs verbatim in `text` (checked by the scraper). */
  claims: z.array(PageClaim).max(32).optional(),
  fetchedAt: z.iso.datetime({ offset: true }),
  bytes: z.int().min(0),
});
/** What the scraper extracted from one page. */
export type PageExtract = z.infer<typeof PageExtract>;

/** The W3C `traceparent` a scrape ran under, carried into the rank task's span links. */
const Traceparent = z.string().max(128);

/**
 * One scrape's outcome, kept in the goal context under `scrape.<candidateIndex>`. These keys are the scrape
 * join: one per fanned-out candidate, each written once (first write wins), and the join is complete when all
 * `candidateCount` of them exist.
 */
export const ScrapeOutcome = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    candidateId: z.string(),
    taskId: MessageId,
    extract: PageExtract,
    traceparent: Traceparent.optional(),
  }),
  z.strictObject({
    ok: z.literal(false),
    candidateId: z.string(),
    taskId: MessageId,
    url: z.string(),
    error: ErrorInfo,
    traceparent: Traceparent.optional(),
  }),
]);
/** One scrape's outcome. */
export type ScrapeOutcome = z.infer<typeof ScrapeOutcome>;

/** One weighted part of a score, with the reason for it. */
export const ScoreComponent = z.strictObject({
  score: z.number().min(0).max(1),
  weight: z.number().min(0).max(1),
  rationale: z.string().max(1_000),
});
/** One weighted part of a score. */
export type ScoreComponent = z.infer<typeof ScoreComponent>;

/** A ranked candidate with its score, each component's rationale, and its sources. */
export const RankedEntry = z.strictObject({
  rank: z.int().min(1),
  candidate: Candidate,
  score: z.number().min(0).max(1),
  components: z.strictObject({
    relevance: ScoreComponent,
    adoption: ScoreComponent,
    freshness: ScoreComponent,
    coverage: ScoreComponent,
    license: ScoreComponent,
  }),
  rationale: z.string().max(2_000),
  features: z.array(z.string().max(100)).max(64),
  /** Where the facts came from: the scraped page, the homepage, the repository. */
  sources: z.array(z.string().max(500)).max(8),
  /** False when the page could not be scraped and the score rests on metadata alone. */
  scraped: z.boolean(),
  /** The claims the scraped page makes, each with its verbatim quote (present when the scraper extracted any). */
  claims: z.array(PageClaim).max(32).optional(),
});
/** A ranked candidate. */
export type RankedEntry = z.infer<typeof RankedEntry>;

/** A candidate the report must name as missing (its scrape failed for good). */
export const MissingEntry = z.strictObject({
  candidateId: z.string(),
  name: z.string(),
  url: z.string(),
  reason: z.string().max(1_000),
});
/** A candidate whose scrape failed. */
export type MissingEntry = z.infer<typeof MissingEntry>;

/** The ranker's output, stored as the `ranking.json` artifact and read by communications. */
export const Ranking = z.strictObject({
  goalId: z.string(),
  query: z.string(),
  topN: z.int().min(1),
  generatedAt: z.iso.datetime({ offset: true }),
  /** The weights used, normalized to sum to 1. */
  weights: ScoringWeights,
  ranked: z.array(RankedEntry),
  considered: z.int().min(0),
  missing: z.array(MissingEntry),
});
/** The ranker's output. */
export type Ranking = z.infer<typeof Ranking>;

/** The approval state of a goal, kept under `approval`; the decision is set once by compare-and-set. */
export const ApprovalState = z.strictObject({
  requestedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  decision: z
    .strictObject({
      outcome: z.enum(['granted', 'rejected', 'expired']),
      by: z.string().max(128),
      comment: z.string().max(2_000).optional(),
      at: z.iso.datetime({ offset: true }),
    })
    .optional(),
});
/** The approval state of a goal. */
export type ApprovalState = z.infer<typeof ApprovalState>;

/** The goal as the search agent accepted it, kept under `spec`: later agents read the query and weights here. */
export const AcceptedGoal = z.strictObject({
  fingerprint: z.string().min(1).max(64),
  goal: GoalSpec,
  acceptedAt: z.iso.datetime({ offset: true }),
});
/** The goal as accepted. */
export type AcceptedGoal = z.infer<typeof AcceptedGoal>;

/** Keys of the per-goal context (KV `<goalId>.<key>`) and artifact names (object store `<goalId>/<name>`). */
export const CONTEXT_KEYS = {
  /** The accepted goal (AcceptedGoal), set once by the search agent: a reused goal id with other content is refused. */
  spec: 'spec',
  /** The candidates the search fanned out (Candidate[]), in candidate-index order. */
  candidates: 'candidates',
  /** One scrape's outcome (ScrapeOutcome), written once; all `candidateCount` of them make the scrape join. */
  scrape: (candidateIndex: number) => `scrape.${candidateIndex}`,
  approval: 'approval',
  delivery: (sink: string) => `delivery.${sink}`,
  /** What one task attempt spent on a model (UsageRecord), written once per attempt before its hand-offs. */
  usage: (queue: string, taskId: string, deliveryCount: number) =>
    `usage.${queue}.${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}.${deliveryCount}`,
  /** The prefix of every usage record of a goal. */
  usagePrefix: 'usage.',
} as const;

/** One attempt's model usage as kept in the goal context: who spent it, on which task and delivery. */
export const UsageRecord = z.strictObject({
  agent: AgentRef,
  queue: z.string().min(1).max(64),
  taskId: MessageId,
  deliveryCount: z.int().min(1),
  usage: ModelUsage,
});
/** One attempt's model usage as kept in the goal context. */
export type UsageRecord = z.infer<typeof UsageRecord>;

/** Artifact names in the object store. */
export const ARTIFACTS = {
  ranking: 'ranking.json',
  reportMarkdown: 'report.md',
  reportHtml: 'report.html',
} as const;
