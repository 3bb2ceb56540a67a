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
export { approverIdentity } from './goals/approver-identity.js';
export type { ApproverSources } from './goals/approver-identity.js';
export { runDecide, runReview } from './commands/approval.command.js';
export type { CliDecision } from './commands/approval.command.js';
export { renderEventLine } from './display/event-line.js';
export { renderGoalEnd } from './display/goal-end.js';
export type { GoalEndOptions } from './display/goal-end.js';
export { formatUsd, renderUsage, renderUsageSummary } from './display/usage-lines.js';
export { runTrace } from './commands/trace.command.js';
export { JaegerTracesResponse, renderWaterfall, toWaterfall } from './trace/jaeger-trace.js';
export type { Waterfall, WaterfallRow } from './trace/jaeger-trace.js';
