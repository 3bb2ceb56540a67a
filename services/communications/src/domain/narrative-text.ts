/** One citation as written in a narrative: `[S3]`. */
const CITATION = /\[S(\d+)\]/g;
/** Something that looks like a citation but is not written `[Sn]`, e.g. `[S1, S2]`, `[s3]`, `(S3)`. */
const CITATION_LIKE = /\[[^\][]*\bS\s*\d+[^\][]*\]|\(\s*S\d+(?:\s*[,;]\s*S?\d+)*\s*\)/gi;
/** Words ending in a period that do not end a sentence (compared lower-case, without the last period). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'etc', 'cf', 'approx', 'incl', 'no']);
/** A date, or a number with optional thousands separators, decimals and a K/M/B or % suffix. */
const NUMBER = /\d{4}-\d{2}-\d{2}|\d+(?:,\d{3})*(?:\.\d+)*[KMB%]?/g;
/** A letter, digit or underscore: a number touching one is part of a name (`gpt-4o`, `llama3`), not a number. */
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** A piece of narrative text: plain text, or a citation of source `sourceId`. */
export type CitedSegment = { readonly text: string } | { readonly sourceId: string };

/** The source ids cited in `text`, in order, repeats included (`[S1] [S3]` -> `['S1', 'S3']`). Pure. */
export function citationIds(text: string): string[] {
  return [...text.matchAll(CITATION)].map((match) => `S${match[1]}`);
}

/** Citations written in another form than `[Sn]` (each must be its own bracket), as written. Pure. */
export function malformedCitations(text: string): string[] {
  return [...text.matchAll(CITATION_LIKE)].map((match) => match[0]).filter((m) => !/^\[S\d+\]$/.test(m));
}

/** `text` cut into plain text and citations, for rendering citations as links. Pure. */
export function citedSegments(text: string): CitedSegment[] {
  const segments: CitedSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(CITATION)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ sourceId: `S${match[1]}` });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/**
 * Splits prose into sentences, whitespace collapsed. A sentence ends at `.`, `!` or `?` followed by a space or
 * the end; citations written right after the mark (`... fast. [S2] Next`) belong to the sentence before. A
 * period inside a token (`0.86`, `Node.js`) or after a known abbreviation (`e.g.`, `vs.`) ends nothing. Text
 * after the last mark is a sentence too. Pure.
 */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  const mark = /[.!?]+/g;
  let start = 0;
  for (let match = mark.exec(flat); match !== null; match = mark.exec(flat)) {
    let stop = match.index + match[0].length;
    const trailing = /^(?: ?\[S\d+\])+/.exec(flat.slice(stop));
    if (trailing) stop += trailing[0].length;
    if (stop < flat.length && flat[stop] !== ' ') continue;
    const lastWord = /(\S+)$/.exec(flat.slice(start, match.index))?.[1]?.toLowerCase() ?? '';
    if (match[0] === '.' && ABBREVIATIONS.has(lastWord)) continue;
    sentences.push(flat.slice(start, stop).trim());
    start = stop;
    mark.lastIndex = stop;
  }
  const rest = flat.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

/**
 * The numbers written in `text` (citations left out), normalized: thousands separators dropped, so `1,600`
 * reads `1600`; `0.86`, `1.6M`, `42%` and dates like `2025-10-02` are kept as written. A number that touches
 * a letter or digit is part of a name (`gpt-4o`, `llama3`, `v2`) and is not counted. Spelled-out numbers are
 * not numbers here. Pure.
 */
export function numbersIn(text: string): string[] {
  const plain = text.replace(CITATION, ' ');
  const numbers: string[] = [];
  for (const match of plain.matchAll(NUMBER)) {
    const before = plain[match.index - 1];
    const after = plain[match.index + match[0].length];
    if ((before !== undefined && WORD_CHAR.test(before)) || (after !== undefined && WORD_CHAR.test(after)))
      continue;
    numbers.push(match[0].replace(/,/g, ''));
  }
  return numbers;
}
