export { AgentRuntime } from './agent-runtime.js';
export type { QueueRegistration, RuntimeHealth } from './agent-runtime.js';
export type { PublishAck } from './bus/bus-connection.js';
export { capturePayload, restorePayload } from './bus/codec.js';
export type { HeaderRecord } from './bus/codec.js';
export { serverFeatures } from './bus/server-features.js';
export type { ServerFeatures } from './bus/server-features.js';
export { SwarmClient } from './client/swarm-client.js';
export type { DeadLetterEntry, StoredMessage } from './client/swarm-client.js';
export { replayTargetOf } from './client/replay-target.js';
export type { ReplayTarget } from './client/replay-target.js';
export { decideAdmission, describeRefusal, fillOf } from './client/goal-admission.js';
export type { Admission, CapacityReading, Fill } from './client/goal-admission.js';
export { GoalContext } from './context/goal-context.js';
export type { Listed, Revisioned, StoredArtifact, UpdateResult } from './context/goal-context.js';
export type { GoalKeyChange, GoalKeysWatch } from './context/goal-keys-watch.js';
export { GoalBudgetLedger } from './context/goal-budget-ledger.js';
export { EffectLedger } from './context/effect-ledger.js';
export type { EffectOutcome, SideEffect, SideEffects } from './context/effect-ledger.js';
export type { BudgetDefaults, ExhaustionAnnouncer, RecordedAddition } from './context/goal-budget-ledger.js';
export { budgetAddedEvent, budgetExhaustedEvent, resumeHintOf } from './context/budget-events.js';
export type { ExhaustingTask } from './context/budget-events.js';
export { reserveModelCall } from './context/model-call-budget.js';
export { acquireModelRate } from './rate-limit/model-call-rate.js';
export type { ModelRateRequest, ModelRateTicket } from './rate-limit/model-call-rate.js';
export { bookCall, pauseUntil, settleTokens } from './rate-limit/rate-limit-gcra.js';
export type { RateDecision, RateLimits } from './rate-limit/rate-limit-gcra.js';
export { RateLimitStore } from './rate-limit/rate-limit-store.js';
export { addToGoalBudget } from './client/budget-top-up.js';
export type { BudgetTopUp, BudgetTopUpResult } from './client/budget-top-up.js';
export type { ModelCallTicket } from './context/model-call-budget.js';
export { BUDGET_ENV, budgetCeiling, budgetDefaults } from './budget.settings.js';
export type { BudgetLimitsSettings } from './budget.settings.js';
export {
  ArtifactNotStoredError,
  BudgetExhaustedError,
  BudgetOverCeilingError,
  CasConflictError,
  InvalidSettingsError,
  NotConnectedError,
  RateLimitWaitError,
  REFUSAL_CODES,
  ReplayRefusedError,
  SinkNotEnabledError,
  SwarmFullError,
  TaskError,
  TopologyConflictError,
  TRANSPORT_ERROR_CODES,
  UnknownArtifactError,
} from './errors.js';
export type { TransportErrorCode } from './errors.js';
export { JetStreamClientProxy } from './nest/jetstream.client.js';
export { closeOnSignals } from './nest/close-on-signals.js';
export type { Closable } from './nest/close-on-signals.js';
export { JetStreamServer } from './nest/jetstream.server.js';
export type { JetStreamServerOptions } from './nest/jetstream.server.js';
export { OnDeadLetter, TaskHandler } from './nest/task-handler.decorator.js';
export {
  configDifferences,
  desiredConsumer,
  desiredStream,
  STREAM_LIMIT_FIELDS,
  streamDifferences,
} from './provision/desired-config.js';
export { limitsForRole } from './stream-limits.settings.js';
export { UNKNOWN_GOAL_ID } from './queue/dead-letter-record.js';
export { defineQueue } from './queue/queue-binding.js';
export type {
  DeadLetterContext,
  DeadLetterHookFn,
  OutboundMessage,
  QueueBinding,
  TaskContext,
  TaskHandlerFn,
  TaskResult,
  TraceCarrier,
} from './queue/queue-binding.js';
export { backoffDelay, decideSettlement, describeError, MAX_RETRY_AFTER_MS } from './queue/settlement.js';
export type { Settlement } from './queue/settlement.js';
export type { TransportLogger } from './queue/task-runner.js';
export {
  parseTransportSettings,
  TRANSPORT_ENV,
  TransportSettings,
  transportSettingsFromEnv,
} from './settings.js';
export type { TransportSettingsInput } from './settings.js';
export { isolatedTopology, SWARM_QUEUES, swarmTopology } from './topology.js';
export type { BusTopology } from './topology.js';
export {
  currentTaskScope,
  currentTaskUsage,
  recordModelUsage,
  runInTaskScope,
} from './observability/task-scope.js';
export { addUsage } from './observability/usage-meter.js';
export type { TaskScope } from './observability/task-scope.js';
