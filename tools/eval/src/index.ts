export { EVAL_ERROR_CODES, EvalError } from './errors.js';
export type { EvalErrorCode } from './errors.js';
export { GOAL_KINDS, Grade, JudgedGoal, JudgedSet, parseJudgedSet, publicJudgedSet } from './judged-set.js';
export {
  cutoffFor,
  dcgAt,
  isHonest,
  ndcgAt,
  precisionAt,
  RANK_CUTOFF,
  RELEVANT_GRADE,
  scoreGoal,
  summarizeScores,
} from './scoring.js';
export type { GoalRun, GoalScore, Judgments, ScoreSummary } from './scoring.js';
export {
  awaitGoalRun,
  DEFAULT_GOAL_TIMEOUT_MS,
  evalGoalId,
  rankedNamesOf,
  runJudgedGoals,
  submitJudgedGoal,
} from './goal-runner.js';
export type { GoalRunResult } from './goal-runner.js';
export { builtinAgentEnv, EVAL_SCALE, startEvalSwarm } from './eval-swarm.js';
export type { EvalSwarm } from './eval-swarm.js';
export { evaluate, tableRows } from './evaluation.js';
export type { EvaluationReport } from './evaluation.js';
export { renderQualityTable, replaceBetweenMarkers, TABLE_MARKERS } from './quality-table.js';
export type { TableRow } from './quality-table.js';
export { parseEvalOptions } from './eval-options.js';
export type { EvalOptions } from './eval-options.js';
