/** The phrase helper and entry shape of the capability synonym table (`capability-synonym-table.ts`). */

/** One capability tag and the phrases (matched on lower-cased text) that mean it. */
export interface CapabilitySynonym {
  /** The corpus tag, as it occurs in `features` (kebab-case). */
  readonly tag: string;
  /** Patterns on lower-cased text; a match adds the tag's words (`browser-automation` -> `browser automation`). */
  readonly phrases: readonly RegExp[];
}

const SEP = String.raw`[\s_-]*`;
/** A phrase of words, each separated by nothing, spaces, `_` or `-`, matched on word boundaries. */
export const phrase = (...words: string[]): RegExp => new RegExp(String.raw`\b${words.join(SEP)}\b`);
