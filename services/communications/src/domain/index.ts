export { renderMarkdownReport, escapeMarkdown } from './markdown-report.js';
export { renderHtmlReport, escapeHtml } from './html-report.js';
export { summarizeRanking } from './ranking-summary.js';
export { reportOutcome } from './report-outcome.js';
export { packagePageUrl, withPackagePages } from './package-page-source.js';
export { rankingArtifactOf, reportTaskNotDue } from './report-due.js';
export type { ReportContext } from './report-due.js';
export { reportTitle, formatCount, formatScore } from './report-view.js';
export type { ReportApproval, ReportMeta } from './report-view.js';
export type { NarrativeSource, ReportNarrative, ToolParagraph } from './report-narrative.js';
export {
  citationIds,
  citedSegments,
  malformedCitations,
  numbersIn,
  splitSentences,
} from './narrative-text.js';
export type { CitedSegment } from './narrative-text.js';
export { summarizeUsage } from './usage-summary.js';
export { BUDGET_HEADINGS, summarizeBudget } from './budget-summary.js';
export type { BudgetSummary } from './budget-summary.js';
export type { UsageFallback, UsageRow, UsageSummary } from './usage-summary.js';
export { COMMUNICATIONS_ERROR_CODES } from './errors.js';
export type { CommunicationsErrorCode } from './errors.js';
