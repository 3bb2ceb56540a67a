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
 * The report's Content-Security-Policy: it loads nothing (no script, frame, font or remote image; links still
 * work when followed), styles only from its own inline sheet. Whatever a scraped page smuggles into the text is
 * escaped; this is the second wall, for every viewer that opens the file or the mail.
 */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;max-width:62rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}h3{margin-bottom:.25rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f8fa}
.muted{color:#59636e}.note{background:#fff8c5;padding:.25rem .5rem}blockquote{margin:.5rem 0;color:#59636e}
footer{margin-top:2rem;border-top:1px solid #d0d7de;font-size:.85rem;color:#59636e}`.trim();

/** An anchor for an http(s) URL; any other value is printed as escaped text. */
function link(label: string, url: string): string {
  const href = linkableUrl(url);
  return href === undefined ? escapeHtml(label) : `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
}

/** Narrative prose, escaped, with each `[Sn]` a link to its source's URL (text when it has no http(s) URL). */
function citedText(text: string, sources: readonly NarrativeSource[]): string {
  return citedSegments(text.replace(/\s+/g, ' ').trim())
    .map((segment) => {
      if ('text' in segment) return escapeHtml(segment.text);
      const label = `[${segment.sourceId}]`;
      const href = linkableUrl(sources.find((source) => source.id === segment.sourceId)?.url ?? '');
      return href === undefined
        ? escapeHtml(label)
        : `<a class="cite" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
    })
    .join('');
}

/**
 * Renders the comparison report as a standalone HTML5 document with minimal inline CSS: the same content as
 * `renderMarkdownReport`. Every value from the ranking is escaped; only http(s) URLs become links. Pure.
 */
export function renderHtmlReport(ranking: Ranking, meta: ReportMeta): string {
  const title = reportTitle(meta.goalText);
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`];
  body.push(`<p><strong>Goal:</strong> ${escapeHtml(meta.goalText)}</p>`);
  if (meta.approval)
    body.push(`<p><strong>Approval:</strong> ${escapeHtml(approvalSentence(meta.approval))}</p>`);
  body.push(`<p class="muted">${escapeHtml(scopeSentence(ranking))}</p>`);
  const { narrative } = meta;
  if (narrative) {
    body.push('<h2>Summary</h2>', `<p>${citedText(narrative.summary, narrative.sources)}</p>`);
    body.push(`<p class="muted">${escapeHtml(narrativeNote(narrative))}</p>`);
  }
  body.push('<h2>Comparison</h2>');
  const nearMisses = ranking.nearMisses ?? [];
  if (ranking.ranked.length === 0 && nearMisses.length > 0) {
    body.push(`<p>${escapeHtml(NOTHING_FITTED)}</p>`, '<ul>');
    for (const miss of nearMisses)
      body.push(`<li><strong>${link(miss.name, miss.url)}</strong>: ${escapeHtml(miss.reason)}</li>`);
    body.push('</ul>');
  } else if (ranking.ranked.length === 0) {
    body.push('<p>No candidate could be ranked.</p>');
  } else {
    const numeric = (index: number) => (index === 1 || index === 9 ? '' : ' class="num"');
    const head = TABLE_HEADINGS.map(
      (heading, i) => `<th scope="col"${numeric(i)}>${escapeHtml(heading)}</th>`,
    );
    body.push('<table>', `<thead><tr>${head.join('')}</tr></thead>`, '<tbody>');
    for (const entry of ranking.ranked) {
      body.push(
        `<tr>${tableCells(entry)
          .map((cell, i) => `<td${numeric(i)}>${escapeHtml(cell)}</td>`)
          .join('')}</tr>`,
      );
    }
    body.push('</tbody>', '</table>', '<h2>The candidates</h2>');
    for (const entry of ranking.ranked) body.push(...entrySection(entry, narrative));
  }
  body.push('<h2>What is missing</h2>');
  if (ranking.missing.length === 0) {
    body.push(`<p>${escapeHtml(NOTHING_MISSING)}</p>`);
  } else {
    const items = ranking.missing.map(
      (missing) =>
        `<li><strong>${link(missing.name, missing.url)}</strong>: ${escapeHtml(missing.reason)}</li>`,
    );
    body.push('<ul>', ...items, '</ul>');
  }
  body.push(...usageSection(meta));
  body.push(...budgetSection(meta));
  body.push('<footer>', ...footerSentences(ranking, meta).map((s) => `<p>${escapeHtml(s)}</p>`), '</footer>');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function entrySection(entry: RankedEntry, narrative: ReportNarrative | undefined): string[] {
  const { candidate } = entry;
  const section = [
    `<section id="rank-${entry.rank}">`,
    `<h3>${entry.rank}. ${escapeHtml(candidate.name)} (${formatScore(entry.score)})</h3>`,
  ];
  const paragraph = paragraphOf(narrative, candidate.id);
  if (narrative && paragraph !== undefined)
    section.push(`<p class="narrative">${citedText(paragraph, narrative.sources)}</p>`);
  section.push(`<p>${escapeHtml(entry.rationale)}</p>`);
  if (candidate.summary.trim() !== '')
    section.push(`<blockquote>${escapeHtml(candidate.summary)}</blockquote>`);
  const facts = [
    candidate.version ? `version ${candidate.version}` : undefined,
    candidate.lastPublished ? `published ${candidate.lastPublished}` : undefined,
    `${formatCount(candidate.monthlyDownloads)} downloads a month`,
    `license ${candidate.license ?? 'none declared'}`,
  ].filter((fact): fact is string => fact !== undefined);
  section.push(
    `<p class="muted">${escapeHtml(facts.join(' · '))} · ${link('package page', candidate.url)}</p>`,
  );
  if (!entry.scraped) section.push(`<p class="note">${escapeHtml(NOT_SCRAPED_NOTE)}</p>`);
  section.push('<ul>');
  for (const [key, label] of COMPONENT_LABELS) {
    const component = entry.components[key];
    section.push(
      `<li><strong>${label}</strong> ${formatScore(component.score)} (weight ${formatScore(component.weight)}): ` +
        `${escapeHtml(component.rationale)}</li>`,
    );
  }
  section.push('</ul>');
  const features = entry.features.length > 0 ? entry.features.map(escapeHtml).join(', ') : 'none found';
  section.push(`<p><strong>Features:</strong> ${features}</p>`);
  if (entry.sources.length > 0) {
    section.push('<p><strong>Sources:</strong></p>', '<ul>');
    section.push(...entry.sources.map((source) => `<li>${link(source, source)}</li>`), '</ul>');
  }
  section.push('</section>');
  return section;
}

/** The "Model usage" section, or nothing when the goal recorded no usage. */
function usageSection(meta: ReportMeta): string[] {
  const summary = summarizeUsage(meta.usage ?? []);
  if (!summary) return [];
  const numeric = (index: number) => (index === 0 || index >= 5 ? '' : ' class="num"');
  const head = USAGE_HEADINGS.map((heading, i) => `<th scope="col"${numeric(i)}>${escapeHtml(heading)}</th>`);
  const rows = [...summary.rows, summary.total].map(
    (row) =>
      `<tr>${usageCells(row)
        .map((cell, i) => `<td${numeric(i)}>${escapeHtml(cell)}</td>`)
        .join('')}</tr>`,
  );
  const section = ['<h2>Model usage</h2>', '<table>', `<thead><tr>${head.join('')}</tr></thead>`, '<tbody>'];
  section.push(...rows, '</tbody>', '</table>');
  if (summary.fallbacks.length > 0) {
    section.push('<p>Fallbacks to a builtin brain:</p>', '<ul>');
    section.push(...summary.fallbacks.map((fallback) => `<li>${escapeHtml(fallbackLine(fallback))}</li>`));
    section.push('</ul>');
  }
  return section;
}

/** The "Budget" section, or nothing when the budget limits nothing. */
function budgetSection(meta: ReportMeta): string[] {
  const summary = summarizeBudget(meta.budget, meta.usage ?? []);
  if (!summary) return [];
  const numeric = (index: number) => (index === 0 ? '' : ' class="num"');
  const head = BUDGET_HEADINGS.map(
    (heading, i) => `<th scope="col"${numeric(i)}>${escapeHtml(heading)}</th>`,
  );
  const rows = summary.rows.map(
    (cells) => `<tr>${cells.map((cell, i) => `<td${numeric(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
  );
  return [
    '<h2>Budget</h2>',
    '<table>',
    `<thead><tr>${head.join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '<ul>',
    ...summary.notes.map((note) => `<li>${escapeHtml(note)}</li>`),
    '</ul>',
  ];
}
