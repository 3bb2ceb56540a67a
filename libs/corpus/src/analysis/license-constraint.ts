/**
 * A licence a goal asks for ("3 permissively licensed vector store clients", "MIT-licensed frameworks"): a
 * constraint on the packages, not a topic, so its words are not searched for.
 */
export interface LicenseConstraint {
  /** `permissive` (any permissive licence) or one licence's SPDX id, upper-case (`MIT`, `APACHE-2.0`). */
  readonly wanted: string;
  /** The goal's words that said it ("mit licensed"), lower-case, to leave out of the search terms. */
  readonly words: readonly string[];
}

/** Licence names a goal may ask for by name, and the SPDX id each means. */
const NAMED_LICENSES: readonly (readonly [RegExp, string])[] = [
  [/^mit$/, 'MIT'],
  [/^apache(?:[\s-]*2(?:\.0)?)?$/, 'APACHE-2.0'],
  [/^isc$/, 'ISC'],
  [/^bsd$/, 'BSD'],
];

const LICENSE_WORD = String.raw`licen[cs](?:ed|e)`;
const NAME = String.raw`(mit|apache(?:[\s-]*2(?:\.0)?)?|isc|bsd)`;

/** Where a goal states a licence, tried in order on its lower-cased text. */
const PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(permissive(?:ly)?)(?:[\s-]+(${LICENSE_WORD}))?\b`),
  new RegExp(String.raw`\b${NAME}[\s-]+(${LICENSE_WORD})\b`),
  new RegExp(String.raw`\b(${LICENSE_WORD})[\s-]+(?:under[\s-]+)?(?:the[\s-]+)?${NAME}\b`),
];

/**
 * The licence constraint a lower-case goal text states, or undefined: "permissive", "permissively licensed",
 * "MIT-licensed", "MIT license", "licensed under Apache 2.0". A bare licence name without the word "licence"
 * ("MIT") is not read as one: it may be part of a name. Pure.
 */
export function licenseConstraintIn(lowerText: string): LicenseConstraint | undefined {
  for (const pattern of PATTERNS) {
    const match = pattern.exec(lowerText);
    if (!match) continue;
    const said = match.slice(1).filter((part): part is string => part !== undefined);
    const name = said.find((part) => NAMED_LICENSES.some(([re]) => re.test(part)));
    const wanted = name ? (NAMED_LICENSES.find(([re]) => re.test(name))?.[1] ?? 'permissive') : 'permissive';
    return { wanted, words: said.flatMap((part) => part.split(/[^\p{L}\p{N}]+/u)).filter((w) => w !== '') };
  }
  return undefined;
}
