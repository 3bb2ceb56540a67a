import { EVAL_ERROR_CODES, EvalError } from './errors.js';
import type { GoalScore, ScoreSummary } from './scoring.js';

/** The markers in docs/quality.md between which `--write-doc` rewrites the table. */
export const TABLE_MARKERS = {
  begin: '<!-- eval-table:begin -->',
  end: '<!-- eval-table:end -->',
} as const;

const fixed = (value: number | null) => (value === null ? '-' : value.toFixed(2));
const honesty = (value: boolean | null) => (value === null ? '-' : value ? 'honest' : 'NOT honest');

/** One goal's row: its id, kind, how it ended, how many packages it returned and its scores. */
export interface TableRow {
  readonly score: GoalScore;
  readonly text: string;
}

const HEADER = ['goal', 'kind', 'outcome', 'returned', 'nDCG@5', 'P@5', 'honesty'];
/** Columns aligned right (the numbers). */
const RIGHT = new Set([3, 4, 5]);

/** Rows as a Markdown table padded the way prettier formats one, so a rewritten doc stays formatted. Pure. */
function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = HEADER.map((_, col) => Math.max(3, ...rows.map((row) => (row[col] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, col) => (RIGHT.has(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join(' | ')} |`;
  const rule = widths.map((width, col) => (RIGHT.has(col) ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width)));
  return [line(rows[0]!), `| ${rule.join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/** The results as a Markdown table: one row per goal, then the means. Pure. */
export function renderQualityTable(rows: readonly TableRow[], summary: ScoreSummary): string {
  return formatTable([
    HEADER,
    ...rows.map(({ score, text }) => [
      `\`${score.goalId}\`: ${text.replace(/\|/g, '\\|')}`,
      score.kind,
      score.outcome,
      String(score.returned),
      fixed(score.ndcg),
      fixed(score.precision),
      honesty(score.honest),
    ]),
    [
      `**mean** (${summary.goals} goals)`,
      '',
      '',
      '',
      `**${summary.meanNdcg.toFixed(2)}**`,
      `**${summary.meanPrecision.toFixed(2)}**`,
      `**${summary.honest}/${summary.unanswerable} honest**`,
    ],
  ]);
}

/**
 * `doc` with the text between {@link TABLE_MARKERS} replaced by `block` (markers kept). Pure.
 * Throws EvalError (`eval-missing-markers`) when either marker is missing or they are out of order.
 */
export function replaceBetweenMarkers(doc: string, block: string): string {
  const begin = doc.indexOf(TABLE_MARKERS.begin);
  const end = doc.indexOf(TABLE_MARKERS.end);
  if (begin < 0 || end < begin)
    throw new EvalError(
      EVAL_ERROR_CODES.missingMarkers,
      `the document lacks "${TABLE_MARKERS.begin}" ... "${TABLE_MARKERS.end}" in that order`,
    );
  return `${doc.slice(0, begin + TABLE_MARKERS.begin.length)}\n\n${block}\n\n${doc.slice(end)}`;
}
