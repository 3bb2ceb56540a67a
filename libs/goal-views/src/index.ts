// @swarm/goal-views: the swarm's read model, one copy for every door (the CLI, the gateway's HTTP API, MCP and
// A2A). It reads the bus through `@swarm/transport`'s SwarmClient and renders nothing: each door shows it its way.
export type { ApprovalDecisionInput, RecordedApproval } from './approval-decision.js';
export { closedReason, decideApproval } from './approval-decision.js';
export type { EndRecordsByGoal } from './board-ends.js';
export { endRecordsOf, hasEndOf, recordedOutcome } from './board-ends.js';
export type { EndReading } from './board-verify.js';
export { verifyEndedHeads, verifyHead } from './board-verify.js';
export type { GoalViewsErrorCode } from './errors.js';
export { GOAL_VIEWS_ERROR_CODES, GoalViewsError, isGoalViewsError } from './errors.js';
export type { IgnoredEvent, JudgedEvents } from './event-trust.js';
export { judgeGoalEvents, needsEvidence, renderIgnored } from './event-trust.js';
export { endsProducerOf, followGoal } from './follow-goal.js';
export { readGoalHeads, readGoalRows } from './goal-board-reader.js';
export type { BoardOutcome, BoardReads, GoalHead, GoalHeadMessages, GoalRow } from './goal-board.js';
export { goalIdInSubject, indexGoals, planBoardReads, stageOf, staleGoals, toGoalRow } from './goal-board.js';
export type { GoalSubmission } from './goal-submission.js';
export { buildGoalSubmission, inferTopN, newGoalId, parseGoalId } from './goal-submission.js';
export { followGoalTally } from './goal-tally-follow.js';
export type { GoalTallyCounts, TallyState } from './goal-tally.js';
export { GoalTally, nextTallyState } from './goal-tally.js';
export type { GoalEvent, GoalSummary } from './goal-timeline.js';
export { summarizeGoal, toGoalEvents } from './goal-timeline.js';
export type { UsageSummary, UsageTotals } from './usage-summary.js';
export { summarizeUsage, usageOf } from './usage-summary.js';
