import type { RankedEntry, Ranking } from '@swarm/contracts';
import { citedSegments } from './narrative-text.js';
import type { NarrativeSource, ReportNarrative } from './report-narrative.js';
import {
  approvalSentence,
  COMPONENT_LABELS,
  footerSentences,
  formatCount,
  formatScore,
  linkableUrl,
  narrativeNote,
  NOT_SCRAPED_NOTE,
  NOTHING_FITTED,
  NOTHING_MISSING,
  paragraphOf,
  type ReportMeta,
  reportTitle,
  scopeSentence,
  TABLE_HEADINGS,
  tableCells,
} from './report-view.js';
import { fallbackLine, summarizeUsage, USAGE_HEADINGS, usageCells } from './usage-summary.js';
import { BUDGET_HEADINGS, summarizeBudget } from './budget-summary.js';

/**
 * Escapes text for inline Markdown: collapses line breaks, backslash-escapes the characters that would start
 * emphasis, links, HTML, code or a table cell boundary, and a leading heading, quote or list marker, so a
 * name like `a|b` or `<script>` stays text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]<|&~]/g, (char) => `\\${char}`)
    .replace(/^([#>+-])|^(\d+)([.)])(?=\s|$)/, (_match, mark?: string, digits?: string, dot?: string) =>
      mark ? `\\${mark}` : `${digits}\\${dot}`,
    );
}

/** A Markdown link for an http(s) URL; any other value is printed as escaped text. */
function link(label: string, url: string): string {
  const href = linkableUrl(url);
  if (href === undefined) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${href.replace(/[()<> ]/g, (char) => encodeURIComponent(char))})`;
}

/** Narrative prose with each `[Sn]` a link to its source's URL (plain `[Sn]` when it has no http(s) URL). */
function citedText(text: string, sources: readonly NarrativeSource[]): string {
  return citedSegments(text.replace(/\s+/g, ' ').trim())
    .map((segment) => {
      if ('text' in segment) return escapeMarkdown(segment.text);
      const source = sources.find((candidate) => candidate.id === segment.sourceId);
      return source ? link(`[${segment.sourceId}]`, source.url) : escapeMarkdown(`[${segment.sourceId}]`);
    })
    .join('');
}

/**
 * Renders the comparison report as Markdown: title, goal (and approval), comparison table, one section per
 * ranked tool with each component's rationale, features and sources, what is missing, and how it was made.
 * Every value from the ranking is escaped. Pure.
 */
export function renderMarkdownReport(ranking: Ranking, meta: ReportMeta): string {
  const lines: string[] = [`# ${escapeMarkdown(reportTitle(meta.goalText))}`, ''];
  lines.push(`**Goal:** ${escapeMarkdown(meta.goalText)}`, '');
  if (meta.approval) lines.push(`**Approval:** ${escapeMarkdown(approvalSentence(meta.approval))}`, '');
  lines.push(escapeMarkdown(scopeSentence(ranking)), '');
  const { narrative } = meta;
  if (narrative) {
    lines.push('## Summary', '', citedText(narrative.summary, narrative.sources), '');
    lines.push(`_${escapeMarkdown(narrativeNote(narrative))}_`, '');
  }
  lines.push('## Comparison', '');
  const nearMisses = ranking.nearMisses ?? [];
  if (ranking.ranked.length === 0 && nearMisses.length > 0) {
    lines.push(escapeMarkdown(NOTHING_FITTED), '');
    for (const miss of nearMisses)
      lines.push(`- **${link(miss.name, miss.url)}**: ${escapeMarkdown(miss.reason)}`);
    lines.push('');
  } else if (ranking.ranked.length === 0) {
    lines.push('No candidate could be ranked.', '');
  } else {
    lines.push(`| ${TABLE_HEADINGS.join(' | ')} |`);
    lines.push(
      `| ${TABLE_HEADINGS.map((_, index) => (index === 1 || index === 9 ? '---' : '---:')).join(' | ')} |`,
    );
    for (const entry of ranking.ranked) {
      lines.push(`| ${tableCells(entry).map(escapeMarkdown).join(' | ')} |`);
    }
    lines.push('', '## The candidates', '');
    for (const entry of ranking.ranked) lines.push(...entrySection(entry, narrative), '');
  }
  lines.push('## What is missing', '');
  if (ranking.missing.length === 0) lines.push(NOTHING_MISSING);
  for (const missing of ranking.missing) {
    lines.push(`- **${link(missing.name, missing.url)}**: ${escapeMarkdown(missing.reason)}`);
  }
  lines.push(...usageSection(meta));
  lines.push(...budgetSection(meta));
  lines.push(
    '',
    '---',
    '',
    ...footerSentences(ranking, meta).map((sentence) => `_${escapeMarkdown(sentence)}_`),
  );
  return `${lines.join('\n')}\n`;
}

function entrySection(entry: RankedEntry, narrative: ReportNarrative | undefined): string[] {
  const { candidate } = entry;
  const lines = [`### ${entry.rank}. ${escapeMarkdown(candidate.name)} (${formatScore(entry.score)})`, ''];
  const paragraph = paragraphOf(narrative, candidate.id);
  if (narrative && paragraph !== undefined) lines.push(citedText(paragraph, narrative.sources), '');
  lines.push(escapeMarkdown(entry.rationale), '');
  if (candidate.summary.trim() !== '') lines.push(`> ${escapeMarkdown(candidate.summary)}`, '');
  const facts = [
    candidate.version ? `version ${candidate.version}` : undefined,
    candidate.lastPublished ? `published ${candidate.lastPublished}` : undefined,
    `${formatCount(candidate.monthlyDownloads)} downloads a month`,
    `license ${candidate.license ?? 'none declared'}`,
  ].filter((fact): fact is string => fact !== undefined);
  lines.push(`${escapeMarkdown(facts.join(' · '))} · ${link('package page', candidate.url)}`, '');
  if (!entry.scraped) lines.push(`_${escapeMarkdown(NOT_SCRAPED_NOTE)}_`, '');
  for (const [key, label] of COMPONENT_LABELS) {
    const component = entry.components[key];
    lines.push(
      `- **${label}** ${formatScore(component.score)} (weight ${formatScore(component.weight)}): ` +
        escapeMarkdown(component.rationale),
    );
  }
  lines.push('');
  lines.push(
    `**Features:** ${entry.features.length > 0 ? entry.features.map(escapeMarkdown).join(', ') : 'none found'}`,
  );
  if (entry.sources.length > 0) {
    lines.push('', '**Sources:**', ...entry.sources.map((source) => `- ${link(source, source)}`));
  }
  return lines;
}

/** The "Model usage" section (with a blank line before it), or nothing when the goal recorded no usage. */
function usageSection(meta: ReportMeta): string[] {
  const summary = summarizeUsage(meta.usage ?? []);
  if (!summary) return [];
  const lines = ['', '## Model usage', '', `| ${USAGE_HEADINGS.join(' | ')} |`];
  lines.push(`| ${USAGE_HEADINGS.map((_, i) => (i === 0 || i >= 5 ? '---' : '---:')).join(' | ')} |`);
  for (const row of [...summary.rows, summary.total]) {
    lines.push(`| ${usageCells(row).map(escapeMarkdown).join(' | ')} |`);
  }
  if (summary.fallbacks.length > 0) {
    lines.push('', 'Fallbacks to a builtin brain:', '');
    lines.push(...summary.fallbacks.map((fallback) => `- ${escapeMarkdown(fallbackLine(fallback))}`));
  }
  return lines;
}

/** The "Budget" section (with a blank line before it), or nothing when the budget limits nothing. */
function budgetSection(meta: ReportMeta): string[] {
  const summary = summarizeBudget(meta.budget, meta.usage ?? []);
  if (!summary) return [];
  const lines = ['', '## Budget', '', `| ${BUDGET_HEADINGS.join(' | ')} |`];
  lines.push(`| ${BUDGET_HEADINGS.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const cells of summary.rows) lines.push(`| ${cells.map(escapeMarkdown).join(' | ')} |`);
  lines.push('', ...summary.notes.map((note) => `- ${escapeMarkdown(note)}`));
  return lines;
}
