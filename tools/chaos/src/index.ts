export { CHAOS_ERROR_CODES, ChaosError } from './errors.js';
export type { ChaosErrorCode } from './errors.js';
export { SCENARIOS } from './scenarios/catalog.js';
export type { RunMode, ScenarioEntry } from './scenarios/catalog.js';
export type { ScenarioOptions } from './scenarios/scenario-options.js';
export {
  REPLICA_KILLS_FULL,
  REPLICA_KILLS_QUICK,
  runReplicaKills,
} from './scenarios/replica-kills.scenario.js';
export type { ReplicaKillsSize } from './scenarios/replica-kills.scenario.js';
export { NATS_RESTART_FULL, NATS_RESTART_QUICK, runNatsRestart } from './scenarios/nats-restart.scenario.js';
export type { NatsRestartSize } from './scenarios/nats-restart.scenario.js';
export {
  CLUSTER_QUORUM_FULL,
  CLUSTER_QUORUM_QUICK,
  runClusterQuorum,
} from './scenarios/cluster-quorum.scenario.js';
export type { ClusterQuorumSize } from './scenarios/cluster-quorum.scenario.js';
export { POISON_INPUT_FULL, POISON_INPUT_QUICK, runPoisonInput } from './scenarios/poison-input.scenario.js';
export type { PoisonInputSize } from './scenarios/poison-input.scenario.js';
export {
  DUPLICATE_SUBMISSION_FULL,
  DUPLICATE_SUBMISSION_QUICK,
  runDuplicateSubmission,
} from './scenarios/duplicate-submission.scenario.js';
export type { DuplicateSubmissionSize } from './scenarios/duplicate-submission.scenario.js';
export { BACKLOG_FULL, BACKLOG_QUICK, runBacklog } from './scenarios/backlog.scenario.js';
export type { BacklogSize } from './scenarios/backlog.scenario.js';
export {
  PARTITIONED_AGENT_FULL,
  PARTITIONED_AGENT_QUICK,
  runPartitionedAgent,
} from './scenarios/partitioned-agent.scenario.js';
export type { PartitionedAgentSize } from './scenarios/partitioned-agent.scenario.js';
export { BUDGET_KILLS_FULL, BUDGET_KILLS_QUICK, runBudgetKills } from './scenarios/budget-kills.scenario.js';
export type { BudgetKillsSize } from './scenarios/budget-kills.scenario.js';
export { runClusteredCasRace } from './repro/clustered-cas.repro.js';
export type { CasRaceReport } from './repro/clustered-cas.repro.js';
export { runOutageResend } from './repro/outage-resend.repro.js';
export type { OutageResendReport } from './repro/outage-resend.repro.js';
export { runRankDeadLetter } from './repro/rank-dead-letter.repro.js';
export type { DeadLetterEndReport } from './repro/rank-dead-letter.repro.js';
export { renderResultDetail, renderResultTable } from './report/result-table.js';
export { countDeliveries, scenarioPassed, scenarioVerdict } from './report/scenario-result.js';
export type { ScenarioCheck, ScenarioResult } from './report/scenario-result.js';
export { attributeResend } from './report/resend-attribution.js';
export type { AgentFault, ResendEvidence, ResendVerdict } from './report/resend-attribution.js';
export { startWebhookReceiver } from './receivers/webhook-receiver.js';
export type { WebhookDelivery, WebhookReceiver, WebhookTally } from './receivers/webhook-receiver.js';
export { verifySwarmSignature } from './receivers/webhook-signature.js';
export { TcpProxy } from './faults/tcp-proxy.js';
export type { ProxyState } from './faults/tcp-proxy.js';
export { parseVmRss, readRssBytes } from './probes/process-rss.js';
