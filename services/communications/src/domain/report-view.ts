import type { BudgetRecord, MissingEntry, RankedEntry, Ranking, UsageRecord } from '@swarm/contracts';
import type { ReportNarrative } from './report-narrative.js';

/** What the report says about how the goal was approved, when the goal asked for approval. */
export interface ReportApproval {
  readonly outcome: 'granted' | 'rejected' | 'expired';
  readonly by: string;
  readonly comment?: string;
}

/** Facts about the run the ranking alone does not carry. */
export interface ReportMeta {
  readonly goalText: string;
  /** The agent instances that worked on the goal (e.g. `search-58b4d-1`). */
  readonly generatedBy: readonly string[];
  readonly approval?: ReportApproval;
  /** The summary and tool paragraphs a model wrote, when the brain is model-backed (none from the builtin). */
  readonly narrative?: ReportNarrative;
  /**
   * Every model usage record of the goal, the report's own attempt included. The "Model usage" section is
   * rendered only when there is at least one (the builtin brains record none).
   */
  readonly usage?: readonly UsageRecord[];
  /**
   * The goal's budget record when the report was written. The "Budget" section is rendered only when it limits
   * something or something happened to it (`summarizeBudget`).
   */
  readonly budget?: BudgetRecord;
}

/** The score components in report order, with their labels. */
export const COMPONENT_LABELS = [
  ['relevance', 'Relevance'],
  ['adoption', 'Adoption'],
  ['freshness', 'Freshness'],
  ['coverage', 'Coverage'],
  ['license', 'License'],
] as const satisfies readonly (readonly [keyof RankedEntry['components'], string])[];

/** The comparison table's column headings, in order. */
export const TABLE_HEADINGS = [
  '#',
  'Name',
  'Score',
  ...COMPONENT_LABELS.map(([, label]) => label),
  'Monthly downloads',
  'License name',
] as const;

/** The plain-text cells of one comparison-table row (renderers escape them). */
export function tableCells(entry: RankedEntry): string[] {
  return [
    String(entry.rank),
    entry.candidate.name,
    formatScore(entry.score),
    ...COMPONENT_LABELS.map(([key]) => formatScore(entry.components[key].score)),
    formatCount(entry.candidate.monthlyDownloads),
    entry.candidate.license ?? 'none declared',
  ];
}

/** The report's title: the goal, cut to fit a heading or a mail subject. */
export function reportTitle(goalText: string): string {
  return `Swarm report: ${cut(goalText, 80)}`;
}

/** One sentence on the approval decision. */
export function approvalSentence(approval: ReportApproval): string {
  const what = {
    granted: `Approved by ${approval.by}`,
    rejected: `Rejected by ${approval.by}`,
    expired: `Approval expired with no decision; closed by ${approval.by}`,
  }[approval.outcome];
  return `${what}${approval.comment ? `: "${approval.comment}"` : ''}.`;
}

/** The line under the goal: how many were ranked of how many, and when. */
export function scopeSentence(ranking: Ranking): string {
  return (
    `Top ${ranking.ranked.length} of ${ranking.considered} candidate${ranking.considered === 1 ? '' : 's'}, ` +
    `ranked ${formatTimestamp(ranking.generatedAt)}.`
  );
}

/** The line under a model-written summary: who wrote it and how it is sourced. */
export function narrativeNote(narrative: ReportNarrative): string {
  const { model, promptVersion } = narrative.writtenBy;
  return (
    `Summary and tool paragraphs written by ${model} (prompt ${promptVersion}); ` +
    'every sentence cites its sources, and every number in them is checked against the ranking.'
  );
}

/** The model-written paragraph of a ranked tool, if any. */
export function paragraphOf(narrative: ReportNarrative | undefined, candidateId: string): string | undefined {
  return narrative?.tools.find((tool) => tool.candidateId === candidateId)?.paragraph;
}

/** The line a candidate ranked on metadata alone carries. */
export const NOT_SCRAPED_NOTE =
  'Its page was not scraped: relevance and coverage rest on registry metadata alone.';

/** What the comparison says when no candidate cleared the ranker's relevance floor; its closest misses follow. */
export const NOTHING_FITTED =
  'Nothing fitted the goal: no candidate met enough of what it asks to be ranked. The closest misses:';

/** The sentence of the "What is missing" section when nothing is missing. */
export const NOTHING_MISSING = 'Every candidate page was scraped.';

/** A missing candidate as one plain line, without the link. */
export function missingLine(entry: MissingEntry): string {
  return `${entry.name}: ${entry.reason}`;
}

/** The footer sentences: who made the report, how the score is built, with which weights. */
export function footerSentences(ranking: Ranking, meta: ReportMeta): string[] {
  const weights = COMPONENT_LABELS.map(([key]) => `${key} ${formatScore(ranking.weights[key])}`).join(', ');
  const agents = meta.generatedBy.length > 0 ? meta.generatedBy.join(', ') : 'unnamed agents';
  return [
    `Made by the agent swarm (${agents}) for goal ${ranking.goalId}: ` +
      'a search agent found the candidates, scraper agents read their pages, a ranker scored them and the ' +
      'communications agent wrote this report.',
    `Each score is a weighted sum of five components scored 0 to 1 (weights: ${weights}); ` +
      `${ranking.considered} candidate${ranking.considered === 1 ? ' was' : 's were'} considered, ` +
      `${ranking.missing.length} without a scraped page.`,
  ];
}

/** A score with two decimals. */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

/** A count as people say it: 950, 412K, 1.25M, 12.5M. */
export function formatCount(value: number): string {
  for (const [size, suffix] of [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ] as const) {
    if (value >= size) {
      const scaled = value / size;
      return `${scaled.toFixed(scaled >= 100 ? 0 : scaled >= 10 ? 1 : 2).replace(/\.0+$|(\.\d*?)0+$/, '$1')}${suffix}`;
    }
  }
  return String(value);
}

/** An ISO timestamp as `2025-11-21 09:30 UTC`. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** An http(s) URL safe to link to, or undefined (other schemes, such as `javascript:`, are never linked). */
export function linkableUrl(raw: string): string | undefined {
  if (!URL.canParse(raw)) return undefined;
  const url = new URL(raw);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** Text cut to at most `max` characters with an ellipsis (at a word break when one is near), whitespace collapsed. */
export function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const slice = flat.slice(0, max - 1);
  const space = slice.lastIndexOf(' ');
  return `${(space >= max * 0.6 ? slice.slice(0, space) : slice).trimEnd()}…`;
}
