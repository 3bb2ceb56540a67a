/**
 * Reading capability tags in a text with the synonym table of `capability-synonym-table.ts` (the user's words for
 * each tag of the corpus vocabulary).
 */
import { CAPABILITY_SYNONYMS, phrase } from './capability-synonym-table.js';

export { CAPABILITY_SYNONYMS } from './capability-synonym-table.js';
export type { CapabilitySynonym } from './capability-synonym-table.js';

/** The words a tag adds to a text: `browser-automation` -> `browser automation`. */
export function tagWords(tag: string): string {
  return tag.replace(/-/g, ' ');
}

/** The tag's own words as a phrase: `structured-output` matches "structured output" and "structured-output". */
function ownWords(tag: string): RegExp {
  return phrase(...tag.split('-'));
}

/** The capability tags a lower-cased text names, by their own words or a synonym phrase, in table order. */
export function capabilitiesIn(lowerText: string): string[] {
  return CAPABILITY_SYNONYMS.filter(
    ({ tag, phrases }) => ownWords(tag).test(lowerText) || phrases.some((pattern) => pattern.test(lowerText)),
  ).map(({ tag }) => tag);
}

/**
 * Appends to a lower-cased text the words of every capability tag it names in other words
 * ("drive a headless browser" -> "drive a headless browser browser automation"), once per tag and only when the
 * tag's own words are not already there, so a package's tags are not counted twice.
 */
export function addCapabilityWords(lowerText: string): string {
  const added = capabilitiesIn(lowerText)
    .map(tagWords)
    .filter((words) => !new RegExp(String.raw`\b${words}\b`).test(lowerText));
  return added.length === 0 ? lowerText : `${lowerText} ${added.join(' ')}`;
}

/** A capability tag a text names, and the words of the text that named it. */
export interface CapabilityMatch {
  readonly tag: string;
  /** The matched phrases as they occur in the text (the tag's own words, or a synonym phrase). */
  readonly phrases: readonly string[];
}

/**
 * The capability tags a lower-cased text names, each with the phrases of the text that named it, in table order:
 * "see what each call cost" -> `[{ tag: 'observability', phrases: ['what each call cost'] }]`. Pure.
 */
export function capabilityMatches(lowerText: string): CapabilityMatch[] {
  const matches: CapabilityMatch[] = [];
  for (const { tag, phrases } of CAPABILITY_SYNONYMS) {
    const found = [ownWords(tag), ...phrases]
      .map((pattern) => pattern.exec(lowerText)?.[0])
      .filter((text): text is string => text !== undefined && text.trim() !== '');
    if (found.length > 0) matches.push({ tag, phrases: [...new Set(found)] });
  }
  return matches;
}
