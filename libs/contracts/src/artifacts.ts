import { z } from 'zod';
import { AgentRef, ErrorInfo, MessageId } from './envelope.js';
import { LIMITS } from './limits.js';
import { ModelUsage } from './usage.js';
import { GoalOutcome } from './events.js';
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

/** A sibling of a ranked entry's package family, ranked below it and listed under it instead of taking a place. */
export const FamilyMember = z.strictObject({
  candidateId: z.string(),
  name: z.string(),
  score: z.number().min(0).max(1),
});
/** A sibling listed under a ranked entry. */
export type FamilyMember = z.infer<typeof FamilyMember>;

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
  /** Other packages of its family (`@openai/agents-*`) that cleared the relevance floor, best first. */
  family: z.array(FamilyMember).max(16).optional(),
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

/** A candidate below the ranker's relevance floor, with why it missed (what of the goal it does not meet). */
export const NearMiss = z.strictObject({
  candidateId: z.string(),
  name: z.string(),
  url: z.string(),
  reason: z.string().max(1_000),
});
/** A candidate below the relevance floor. */
export type NearMiss = z.infer<typeof NearMiss>;

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
  /**
   * The closest candidates below the relevance floor, closest first. When `ranked` is empty, nothing fitted the
   * goal and these are what came nearest.
   */
  nearMisses: z.array(NearMiss).max(10).optional(),
});
/** The ranker's output. */
export type Ranking = z.infer<typeof Ranking>;

/**
 * A goal's approval request, kept under `approval` and written only by communications: created once when the
 * report asks for approval (a redelivered task keeps the first deadline), then marked `expired` at the deadline
 * when no decision counted. Decisions are separate keys (`decision.<identity>`, ApprovalDecision).
 */
export const ApprovalState = z.strictObject({
  requestedAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  /** The report under review (an artifact name, e.g. `<goalId>/report.preview.md`). */
  reportArtifact: z.string().min(1).max(500),
  /**
   * Set once at the deadline. A decision stored after this mark (a higher KV revision than the `approval` key's)
   * does not count; `requestRevision` is the revision the request had before the mark, since decisions stored
   * before the request do not count either.
   */
  expired: z
    .strictObject({
      at: z.iso.datetime({ offset: true }),
      requestRevision: z.int().min(1),
    })
    .optional(),
});
/** The approval request of a goal. */
export type ApprovalState = z.infer<typeof ApprovalState>;

/**
 * An approver identity: the approver's NATS user name, one KV key token (letters, digits, `_`, `-`). It is the
 * last token of the decision key, so under the shipped NATS permissions it is the authenticated user.
 */
export const ApproverIdentity = z
  .string()
  .min(1)
  .max(LIMITS.approverIdentityMaxChars)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ and - only');
/** An approver identity. */
export type ApproverIdentity = z.infer<typeof ApproverIdentity>;

/**
 * One approver's decision, kept under `decision.<identity>` and written once (KV create) by that approver. Who
 * decided is the key's last token, never a field of the value: unknown fields (a `by` claiming another name)
 * are ignored. A rejection needs a comment. `at` is the approver's clock, for display; the KV revision orders.
 */
export const ApprovalDecision = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('granted'),
    comment: z.string().max(LIMITS.commentMaxChars).optional(),
    at: z.iso.datetime({ offset: true }),
  }),
  z.object({
    outcome: z.literal('rejected'),
    comment: z.string().min(1).max(LIMITS.commentMaxChars),
    at: z.iso.datetime({ offset: true }),
  }),
]);
/** One approver's decision. */
export type ApprovalDecision = z.infer<typeof ApprovalDecision>;

/** The goal as the search agent accepted it, kept under `spec`: later agents read the query and weights here. */
export const AcceptedGoal = z.strictObject({
  fingerprint: z.string().min(1).max(64),
  goal: GoalSpec,
  acceptedAt: z.iso.datetime({ offset: true }),
});
/** The goal as accepted. */
export type AcceptedGoal = z.infer<typeof AcceptedGoal>;

/** Keys of the per-goal context (KV `<goalId>.<key>`); artifact names are `ARTIFACTS` (artifact-names.ts). */
export const CONTEXT_KEYS = {
  /** The accepted goal (AcceptedGoal), set once by the search agent: a reused goal id with other content is refused. */
  spec: 'spec',
  /** The candidates the search fanned out (Candidate[]), in candidate-index order. */
  candidates: 'candidates',
  /** One scrape's outcome (ScrapeOutcome), written once; all `candidateCount` of them make the scrape join. */
  scrape: (candidateIndex: number) => `scrape.${candidateIndex}`,
  /** The approval request (ApprovalState), written only by communications. */
  approval: 'approval',
  /**
   * One approver's decision (ApprovalDecision), created once, only by the approver whose NATS user is `identity`
   * (or, for `<gateway user>.<base64url(subject)>`, by that gateway: see `decisionKeyOf`).
   */
  decision: (identity: string) => `decision.${identity}`,
  /** The prefix of every decision of a goal. */
  decisionPrefix: 'decision.',
  /**
   * One side effect outside the bus (EffectRecord) in the goal's ledger: `effect.<queue>.<tool>.<target>`, written
   * by compare-and-set only by the transport of the queue whose task acts (e.g. `effect.report.deliver.webhook`).
   * Tool and target are reduced to letters, digits, `_` and `-`, so the id is deterministic and one key token each.
   */
  effect: (queue: string, tool: string, target: string) =>
    `effect.${queue}.${tool.replace(/[^A-Za-z0-9_-]/g, '_')}.${target.replace(/[^A-Za-z0-9_-]/g, '_')}`,
  /** The prefix of every side effect of a goal. */
  effectPrefix: 'effect.',
  /** What one task attempt spent on a model (UsageRecord), written once per attempt before its hand-offs. */
  usage: (queue: string, taskId: string, deliveryCount: number) =>
    `usage.${queue}.${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}.${deliveryCount}`,
  /** The prefix of every usage record of a goal. */
  usagePrefix: 'usage.',
  /**
   * The evidence behind a terminal event (GoalEndRecord): written by the transport of the queue whose task ends
   * the goal, before it publishes the `goal.completed` or `goal.failed`. Readers honour a terminal event only when
   * this key of its emitter's queue holds it (see `judgeTerminalEvent`).
   */
  end: (queue: string) => `end.${queue}`,
  /**
   * The goal's budget (BudgetRecord): spent, reserved and limits, written only by compare-and-set by every agent's
   * transport (the one key several roles write: see `CONTEXT_KEY_FAMILIES`).
   */
  budget: 'budget',
} as const;

/**
 * What `end.<queue>` holds: the terminal event a task of that queue published for the goal. Written once (first
 * write wins); only a `goal.failed` may be replaced, by the same queue's later `goal.completed` (a dead-lettered
 * task replayed with success).
 */
export const GoalEndRecord = z.strictObject({
  type: z.enum(['goal.completed', 'goal.failed']),
  messageId: MessageId,
  /** The `goal.completed` outcome; absent for `goal.failed`. */
  outcome: GoalOutcome.optional(),
  at: z.iso.datetime({ offset: true }),
});
/** The evidence behind a terminal event. */
export type GoalEndRecord = z.infer<typeof GoalEndRecord>;

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
