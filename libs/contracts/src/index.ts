export { SCHEMA_VERSION } from './version.js';
export { LIMITS } from './limits.js';
export { AgentRef, Envelope, envelopeShape, ErrorInfo, GoalId, MessageId } from './envelope.js';
export { GoalSpec, GoalSubmitted, ScoringWeights } from './goal.js';
export type { GoalSpecInput } from './goal.js';
export { Candidate, Contribution, RankTask, ReportTask, ScrapeTask } from './tasks.js';
export {
  ApprovalGranted,
  ApprovalRejected,
  ApprovalRequested,
  GoalCompleted,
  GoalFailed,
  GoalOutcome,
  TaskClaimed,
  TaskCompleted,
  TaskFailed,
  TaskProgress,
} from './events.js';
export { CapturedPayload, DeadLetterRecord, DeadLetterSource } from './dead-letter.js';
export { BUCKETS, EVENT_TYPES, HEADERS, QUEUES, STREAM_SPECS, STREAMS, SUBJECTS } from './topology.js';
export type { EventType, QueueName, QueueSpec, Retention, StreamSpec } from './topology.js';
export { subjectMatches } from './subject-match.js';
export { goalFingerprint, messageIds } from './ids.js';
export { MESSAGE_CATALOG } from './catalog.js';
export type { CatalogEntry } from './catalog.js';
export { decodePayload, describeIssues } from './parse.js';
export type { Decoded, PayloadProblem } from './parse.js';
export {
  AcceptedGoal,
  ApprovalState,
  ARTIFACTS,
  CONTEXT_KEYS,
  MissingEntry,
  PageClaim,
  PageExtract,
  RankedEntry,
  Ranking,
  ScoreComponent,
  ScrapeOutcome,
  UsageRecord,
} from './artifacts.js';
export { ModelFailure, ModelUsage } from './usage.js';
export { buildGoalSubmitted } from './goal-submission.js';
