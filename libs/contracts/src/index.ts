export { SCHEMA_VERSION } from './version.js';
export { LIMITS } from './limits.js';
export { isSinkName, SINK_NAMES } from './delivery-sinks.js';
export type { SinkName } from './delivery-sinks.js';
export { DeliveryCapabilities, DEPLOYMENT_KEYS, sinksNotEnabled } from './deployment-record.js';
export type { DeploymentKey } from './deployment-record.js';
export { AgentPresence, presenceKeyOf } from './presence.js';
export { RATE_LIMIT_KEY_MAX_CHARS, RATE_LIMIT_KEY_PATTERN, RateLimitState } from './rate-limit-state.js';
export { AgentRef, Envelope, envelopeShape, ErrorInfo, GoalId, MessageId } from './envelope.js';
export { GoalSpec, GoalSubmitted, ScoringWeights } from './goal.js';
export {
  BUDGET_POLICIES,
  BUDGET_RESERVATIONS_MAX,
  BUDGET_SHORTFALLS,
  BudgetAddition,
  BudgetAmounts,
  BudgetLimits,
  BudgetPolicy,
  BudgetRecord,
  BudgetShortfall,
  GoalBudget,
} from './budget.js';
export {
  addAmounts,
  additionRepeated,
  addToBudget,
  budgetLeft,
  deadlineRefusal,
  exhaustionNumber,
  markExhausted,
  NO_AMOUNTS,
  openBudget,
  overCeiling,
  refusalDetailOf,
  refusalOf,
  reserveIn,
  reservedOf,
  settleIn,
} from './budget-accounting.js';
export type { BudgetRefusal } from './budget-accounting.js';
export type { GoalSpecInput } from './goal.js';
export { Candidate, Contribution, RankTask, ReportTask, ScrapeTask } from './tasks.js';
export {
  ApprovalGranted,
  ApprovalRejected,
  ApprovalRequested,
  BudgetAdded,
  BudgetExhausted,
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
export type {
  DiscardPolicy,
  EventType,
  QueueName,
  QueueSpec,
  Retention,
  StreamRole,
  StreamSpec,
} from './topology.js';
export { goalIdInSubject, subjectMatches } from './subject-match.js';
export { goalFingerprint, messageIds } from './ids.js';
export { MESSAGE_CATALOG } from './catalog.js';
export type { CatalogEntry } from './catalog.js';
export { decodePayload, describeIssues } from './parse.js';
export type { Decoded, PayloadProblem } from './parse.js';
export {
  AcceptedGoal,
  ApprovalDecision,
  ApprovalState,
  ApproverIdentity,
  CONTEXT_KEYS,
  GoalEndRecord,
  FamilyMember,
  MissingEntry,
  NearMiss,
  PageClaim,
  PageExtract,
  RankedEntry,
  Ranking,
  ScoreComponent,
  ScrapeOutcome,
  UsageRecord,
} from './artifacts.js';
export {
  ARTIFACT_BUCKETS,
  artifactBucketName,
  artifactBucketOf,
  artifactLocation,
  ARTIFACTS,
} from './artifact-names.js';
export type { ArtifactBucket, ArtifactName } from './artifact-names.js';
export { terminalSafe } from './terminal-text.js';
export { parseDecisionEntries, readApproval, resolveApproval } from './approval-resolution.js';
export type { DecisionIdentity } from './decision-identity.js';
export {
  decisionIdentityOfKey,
  decisionKeyOf,
  describeDecisionIdentity,
  VouchedSubject,
} from './decision-identity.js';
export type {
  ApprovalReader,
  ApprovalResolution,
  ApprovalView,
  IgnoredDecision,
  ListedValue,
  RecordedDecision,
  RevisionedValue,
} from './approval-resolution.js';
export { ModelFailure, ModelUsage } from './usage.js';
export {
  EFFECT_KEY_MAX_CHARS,
  EFFECT_RESULT_MAX_CHARS,
  EFFECT_STATES,
  EffectAttempt,
  EffectRecord,
  EffectState,
  UncertainEffect,
} from './effect-record.js';
export { completeEffect, failEffect, planEffect, sameAttempt } from './effect-transitions.js';
export type { EffectPlan, EffectRequest } from './effect-transitions.js';
export { buildGoalSubmitted } from './goal-submission.js';
export {
  COMPLETION_OUTCOMES,
  CONTEXT_KEY_FAMILIES,
  EVENT_EMITTERS,
  isAgentQueue,
  mayEmit,
  roleOfContextKey,
  STAGE_ORDER,
  stageOf,
  writersOf,
} from './security/event-emitters.js';
export type {
  AgentQueue,
  ContextKeyFamily,
  ContextKeyWriter,
  EmitterRole,
} from './security/event-emitters.js';
export {
  IGNORED_EVENT_CODES,
  isTerminalEventType,
  judgeEvent,
  judgeTerminalEvent,
} from './security/event-judgement.js';
export type { EventJudgement, GoalEvidence, IgnoredEventCode } from './security/event-judgement.js';
