export { connectClient } from './cli-bus.js';
export {
  DELIVERY_SINKS,
  exitCodeOf,
  parseDeliverTo,
  parseWeights,
  runGoal,
} from './commands/goal.command.js';
export type { GoalCommandOptions } from './commands/goal.command.js';
export { followToEnd, runWatch } from './commands/watch.command.js';
export { runInspect, runStatus, renderSummary } from './commands/inspect.command.js';
export { parseQueueName, renderDeadLetter, runDlqList, runDlqReplay } from './commands/dlq.command.js';
export { CliError, EXIT_CODES } from './errors.js';
export { closedReason, decideApproval } from './goals/approval-decision.js';
export type { ApprovalDecisionInput, RecordedApproval } from './goals/approval-decision.js';
export { approverIdentity } from './goals/approver-identity.js';
export type { ApproverSources } from './goals/approver-identity.js';
export { runDecide, runReview } from './commands/approval.command.js';
export { endsProducerOf, followGoal } from './goals/follow-goal.js';
export { buildGoalSubmission, inferTopN, newGoalId, parseGoalId } from './goals/goal-submission.js';
export { renderEventLine } from './display/event-line.js';
export { renderGoalEnd } from './display/goal-end.js';
export type { GoalEndOptions } from './display/goal-end.js';
export { summarizeGoal, toGoalEvents } from './goals/goal-timeline.js';
export type { GoalEvent, GoalSummary } from './goals/goal-timeline.js';
export { summarizeUsage, usageOf } from './goals/usage-summary.js';
export type { UsageSummary, UsageTotals } from './goals/usage-summary.js';
export { formatUsd, renderUsage, renderUsageSummary } from './display/usage-lines.js';
export { runTrace } from './commands/trace.command.js';
export { JaegerTracesResponse, renderWaterfall, toWaterfall } from './trace/jaeger-trace.js';
export type { Waterfall, WaterfallRow } from './trace/jaeger-trace.js';
