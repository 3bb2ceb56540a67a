import type { ScenarioResult } from '../report/scenario-result.js';
import { BACKLOG_FULL, BACKLOG_QUICK, runBacklog } from './backlog.scenario.js';
import { BUDGET_KILLS_FULL, BUDGET_KILLS_QUICK, runBudgetKills } from './budget-kills.scenario.js';
import { CLUSTER_QUORUM_FULL, CLUSTER_QUORUM_QUICK, runClusterQuorum } from './cluster-quorum.scenario.js';
import {
  DUPLICATE_SUBMISSION_FULL,
  DUPLICATE_SUBMISSION_QUICK,
  runDuplicateSubmission,
} from './duplicate-submission.scenario.js';
import { HOSTILE_PAGES_FULL, HOSTILE_PAGES_QUICK, runHostilePages } from './hostile-pages.scenario.js';
import { NATS_RESTART_FULL, NATS_RESTART_QUICK, runNatsRestart } from './nats-restart.scenario.js';
import {
  PARTITIONED_AGENT_FULL,
  PARTITIONED_AGENT_QUICK,
  runPartitionedAgent,
} from './partitioned-agent.scenario.js';
import { POISON_INPUT_FULL, POISON_INPUT_QUICK, runPoisonInput } from './poison-input.scenario.js';
import { REPLICA_KILLS_FULL, REPLICA_KILLS_QUICK, runReplicaKills } from './replica-kills.scenario.js';
import type { ScenarioOptions } from './scenario-options.js';

/** How big a run is: `quick` (the CI subset's sizes) or `full` (the sizes). */
export type RunMode = 'quick' | 'full';

/** One scenario of the suite. */
export interface ScenarioEntry {
  readonly number: number;
  readonly name: string;
  run(mode: RunMode, options: ScenarioOptions): Promise<ScenarioResult>;
}

/** The suite, in the issues' order (1-7 from the chaos issue, 8 from issue 15, 9 from issue 12). */
export const SCENARIOS: readonly ScenarioEntry[] = [
  {
    number: 1,
    name: 'replica-kills',
    run: (mode, options) =>
      runReplicaKills(mode === 'full' ? REPLICA_KILLS_FULL : REPLICA_KILLS_QUICK, options),
  },
  {
    number: 2,
    name: 'nats-restart',
    run: (mode, options) => runNatsRestart(mode === 'full' ? NATS_RESTART_FULL : NATS_RESTART_QUICK, options),
  },
  {
    number: 3,
    name: 'cluster-quorum',
    run: (mode, options) =>
      runClusterQuorum(mode === 'full' ? CLUSTER_QUORUM_FULL : CLUSTER_QUORUM_QUICK, options),
  },
  {
    number: 4,
    name: 'poison-input',
    run: (mode, options) => runPoisonInput(mode === 'full' ? POISON_INPUT_FULL : POISON_INPUT_QUICK, options),
  },
  {
    number: 5,
    name: 'duplicate-submission',
    run: (mode, options) =>
      runDuplicateSubmission(
        mode === 'full' ? DUPLICATE_SUBMISSION_FULL : DUPLICATE_SUBMISSION_QUICK,
        options,
      ),
  },
  {
    number: 6,
    name: 'backlog',
    run: (mode, options) => runBacklog(mode === 'full' ? BACKLOG_FULL : BACKLOG_QUICK, options),
  },
  {
    number: 7,
    name: 'partitioned-agent',
    run: (mode, options) =>
      runPartitionedAgent(mode === 'full' ? PARTITIONED_AGENT_FULL : PARTITIONED_AGENT_QUICK, options),
  },
  {
    number: 8,
    name: 'hostile-pages',
    run: (mode, options) =>
      runHostilePages(mode === 'full' ? HOSTILE_PAGES_FULL : HOSTILE_PAGES_QUICK, options),
  },
  {
    number: 9,
    name: 'budget-kills',
    run: (mode, options) => runBudgetKills(mode === 'full' ? BUDGET_KILLS_FULL : BUDGET_KILLS_QUICK, options),
  },
];
