export type { BenchConfig } from './bench-config.js';
export { BenchEnv, loadBenchConfig } from './bench-config.js';
export { BENCH_ERROR_CODES, BenchError } from './errors.js';
export type { BenchErrorCode } from './errors.js';
export { runBenchmark } from './harness/run-benchmark.js';
export { renderMarkdown, systemsTable, targetsTable } from './report/markdown-report.js';
export { renderSvgChart } from './report/svg-chart.js';
export {
  defaultOutDir,
  docsFile,
  DOCS_MARKERS,
  workspaceRoot,
  writeOutputs,
} from './report/write-outputs.js';
export type { WrittenOutputs } from './report/write-outputs.js';
export type {
  BenchReport,
  BenchRun,
  BenchSettings,
  MachineInfo,
  ProfileSummary,
  RelativeFigures,
  ScalePoint,
  SystemResult,
  TargetCheck,
} from './stats/bench-results.js';
export { checkTargets, relativeToBaseline, TARGETS } from './stats/derive.js';
export { SYSTEM_IDS, SYSTEM_LABELS } from './systems/system-ids.js';
export type { SystemId } from './systems/system-ids.js';
