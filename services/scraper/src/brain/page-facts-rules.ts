import { collapseWhitespace } from '../domain/page-text.js';
import type { PageFacts } from './page-facts-output.js';
import { PAGE_FACTS_LIMITS } from './page-facts-output.js';

/** What the rules check page facts against: the page text the model was given. */
export interface PageFactsContext {
  readonly text: string;
}

/** The first 60 characters of a value, for a message. */
function shown(value: string): string {
  const collapsed = collapseWhitespace(value);
  return collapsed.length > 60 ? `${collapsed.slice(0, 60)}…` : collapsed;
}

function nameErrors(list: 'feature' | 'integration', names: readonly string[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    const trimmed = collapseWhitespace(name);
    if (trimmed === '') errors.push(`${list} ${i + 1} is empty: drop it or name the ${list}`);
    else if (trimmed.length > PAGE_FACTS_LIMITS.nameMaxChars)
      errors.push(`${list} "${shown(trimmed)}" is longer than ${PAGE_FACTS_LIMITS.nameMaxChars} characters`);
    const key = trimmed.toLowerCase();
    if (trimmed !== '' && seen.has(key))
      errors.push(`${list} "${trimmed}" is listed more than once (case-insensitive): keep one`);
    seen.add(key);
  });
  return errors;
}

function claimErrors(claims: PageFacts['claims'], text: string): string[] {
  const page = collapseWhitespace(text);
  return claims.flatMap(({ claim, quote }, i) => {
    const errors: string[] = [];
    const label = collapseWhitespace(claim) === '' ? `claim ${i + 1}` : `claim "${shown(claim)}"`;
    if (collapseWhitespace(claim) === '') errors.push(`claim ${i + 1} has no claim text: state the claim`);
    else if (claim.length > PAGE_FACTS_LIMITS.claimMaxChars)
      errors.push(`${label} is longer than ${PAGE_FACTS_LIMITS.claimMaxChars} characters`);
    const words = collapseWhitespace(quote);
    if (words === '') errors.push(`${label} has an empty quote: quote the page text that supports it`);
    else if (words.length > PAGE_FACTS_LIMITS.quoteMaxChars)
      errors.push(
        `the quote of ${label} is longer than ${PAGE_FACTS_LIMITS.quoteMaxChars} characters: quote a shorter passage`,
      );
    else if (!page.includes(words))
      errors.push(
        `the quote "${shown(words)}" of ${label} does not occur verbatim in the page text: copy the exact words from the text, or drop the claim`,
      );
    return errors;
  });
}

/**
 * The scraper brain's rules on parsed page facts: every feature and integration is non-empty, at most
 * `nameMaxChars` long and listed once (case-insensitive); every claim has text, and a non-empty quote of at most
 * `quoteMaxChars` that occurs verbatim in the page text (compared after collapsing whitespace; case-sensitive).
 * Returns one lowercase message per problem, naming the bad value; [] when the facts are valid. Pure.
 */
export function validatePageFacts(facts: PageFacts, context: PageFactsContext): string[] {
  return [
    ...nameErrors('feature', facts.features),
    ...nameErrors('integration', facts.integrations),
    ...claimErrors(facts.claims, context.text),
  ];
}
