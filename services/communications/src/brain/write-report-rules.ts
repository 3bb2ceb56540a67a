import { citationIds, malformedCitations, numbersIn, splitSentences } from '../domain/index.js';
import type { WriteReportInput } from './write-report-input.js';
import type { WriteReportOutput } from './write-report-output.js';
import { MAX_PARAGRAPH_CHARS, MAX_SUMMARY_CHARS } from './write-report-output.js';

/** A date `2025-10-02` in the data also allows its year. */
const DATE = /^(\d{4})-\d{2}-\d{2}$/;

function excerpt(sentence: string): string {
  return sentence.length <= 80 ? sentence : `${sentence.slice(0, 79)}…`;
}

/**
 * Every number the data given to the model holds, as `numbersIn` reads numbers: every string of the input
 * (names, facts, rationales, the goal) and every number in it (ranks, counts), plus the year of every date.
 * Scores are given with two decimals and downloads as the report prints them, so those are the forms allowed.
 * Pure.
 */
export function allowedNumbers(input: WriteReportInput): Set<string> {
  const allowed = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string' || typeof value === 'number') {
      for (const number of numbersIn(String(value))) {
        allowed.add(number);
        const year = DATE.exec(number)?.[1];
        if (year) allowed.add(year);
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value !== null && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(input);
  return allowed;
}

/** Checks one text (the summary or a tool's paragraph); `own` lists the source ids it may cite. */
function textErrors(
  where: string,
  text: string,
  maxChars: number,
  input: WriteReportInput,
  allowed: ReadonlySet<string>,
  own: readonly string[] | undefined,
): string[] {
  const errors: string[] = [];
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return [`${where} is empty: write 2 to 4 sentences, each citing its sources`];
  if (flat.length > maxChars) errors.push(`${where} is ${flat.length} characters: keep it to ${maxChars}`);
  for (const written of malformedCitations(flat))
    errors.push(
      `${where} writes the citation "${written}": write each as [Sn] in its own brackets, e.g. [S1][S2]`,
    );
  const owner = new Map(input.sources.map((source) => [source.id, source.candidateId]));
  for (const sentence of splitSentences(flat)) {
    const cited = citationIds(sentence);
    if (cited.length === 0)
      errors.push(
        `${where}: the sentence "${excerpt(sentence)}" cites no source: end every sentence with [Sn] of a source that supports it`,
      );
    for (const id of cited) {
      const candidateId = owner.get(id);
      if (candidateId === undefined)
        errors.push(`${where} cites ${id}, which is not a given source (S1-S${input.sources.length})`);
      else if (own !== undefined && !own.includes(id))
        errors.push(
          `${where} cites ${id}, a source of "${candidateId}": cite only its own sources (${own.join(', ')})`,
        );
    }
    for (const number of numbersIn(sentence)) {
      if (!allowed.has(number))
        errors.push(
          `${where}: the sentence "${excerpt(sentence)}" writes ${number}, which is not in the ranking data: ` +
            'write numbers only as the data gives them (scores like 0.86, downloads like 1.6M, ranks and counts)',
        );
    }
  }
  return errors;
}

/**
 * What is wrong with a report narrative for `input`, in words the model can act on ([] when it is valid):
 * the summary and one paragraph per ranked tool (no other, none twice) are non-empty and within their length;
 * every sentence cites at least one source as `[Sn]`; every citation names a given source, and a tool's
 * paragraph cites only that tool's sources; every number written in a sentence occurs in the data. Pure.
 */
export function writeReportErrors(output: WriteReportOutput, input: WriteReportInput): string[] {
  const allowed = allowedNumbers(input);
  const errors = textErrors('the summary', output.summary, MAX_SUMMARY_CHARS, input, allowed, undefined);
  const tools = new Map(input.tools.map((tool) => [tool.candidateId, tool]));
  const counts = new Map<string, number>();
  for (const { candidateId, paragraph } of output.tools) {
    const tool = tools.get(candidateId);
    if (tool === undefined) {
      errors.push(
        `tools has a paragraph for "${candidateId}", which is not a ranked tool: use only the given ids`,
      );
      continue;
    }
    counts.set(candidateId, (counts.get(candidateId) ?? 0) + 1);
    if (counts.get(candidateId) !== 1) continue;
    const where = `the paragraph of "${candidateId}"`;
    errors.push(...textErrors(where, paragraph, MAX_PARAGRAPH_CHARS, input, allowed, tool.sources));
  }
  for (const [candidateId, count] of counts) {
    if (count > 1)
      errors.push(`tools has ${count} paragraphs for "${candidateId}": write exactly one per ranked tool`);
  }
  for (const tool of input.tools) {
    if (!counts.has(tool.candidateId))
      errors.push(
        `tools has no paragraph for "${tool.candidateId}" (${tool.name}): write one per ranked tool`,
      );
  }
  return [...new Set(errors)];
}
