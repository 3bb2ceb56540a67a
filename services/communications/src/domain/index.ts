export { renderMarkdownReport, escapeMarkdown } from './markdown-report.js';
export { renderHtmlReport, escapeHtml } from './html-report.js';
export { summarizeRanking } from './ranking-summary.js';
export { reportTitle } from './report-view.js';
export type { ReportApproval, ReportMeta } from './report-view.js';
export { COMMUNICATIONS_ERROR_CODES } from './errors.js';
export type { CommunicationsErrorCode } from './errors.js';
