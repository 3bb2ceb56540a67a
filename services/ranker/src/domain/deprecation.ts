/** What a candidate's own description says about being deprecated. */
export interface Deprecation {
  /** The sentence of the description that says so, trimmed. */
  readonly notice: string;
  /** The package the description points to instead, when it names one. */
  readonly successor?: string;
}

/**
 * Words a description uses to declare its package deprecated: "deprecated", "unmaintained", "superseded", "not
 * the latest", "(maintenance mode)", and "legacy" when it opens the description or names a version, client or
 * SDK ("LEGACY Langfuse v3 integration", "legacy v2 client"), not a passing "works with legacy systems".
 */
const DEPRECATED =
  /\b(?:deprecated|no longer (?:maintained|supported|developed)|unmaintained|superseded|not the latest|maintenance mode)\b|^\W*legacy\b|\blegacy (?:v\d+|version|client|sdk|package)\b/i;

/** One package name, scoped or not. */
const NAME = String.raw`(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*`;

/**
 * Where a description points to a successor: the package name right after one of these words, and the scoped
 * names that follow it (`npm install @langfuse/tracing @langfuse/otel`).
 */
const SUCCESSOR = new RegExp(
  String.raw`\b(?:npm\s+(?:install|i)|use|replaced\s+by|moved\s+to|renamed\s+to|superseded\s+by|` +
    String.raw`successor(?:\s+is)?:?|migrate\s+to|switch\s+to|see)\s+[\x60'"]?` +
    String.raw`(${NAME}(?:\s+@[a-z0-9][\w.~-]*\/[\w.~-]+)*)`,
  'gi',
);

/** Words that follow "use" or "see" without being a package name. */
const NOT_A_NAME = new Set(
  'a an the it this that these those our your its new npm latest instead with of in for and or'.split(' '),
);

/**
 * Whether a description (a candidate's summary, or its scraped page's description) declares the package
 * deprecated, unmaintained or superseded, and the successor it names: the first package name after "npm install",
 * "use", "replaced by", "moved to", "renamed to", "migrate to" and the like, preferring one of `knownNames` (the
 * goal's other candidates). Undefined when the description declares nothing. Pure.
 */
export function deprecationOf(
  description: string,
  ownName: string,
  knownNames: readonly string[] = [],
): Deprecation | undefined {
  const declared = DEPRECATED.exec(description);
  if (declared === null) return undefined;
  const named = [...description.matchAll(SUCCESSOR)]
    .flatMap((match) => (match[1] ?? '').split(/\s+/))
    .map((name) => name.replace(/[.,;:]+$/, ''))
    .filter((name) => name !== '' && name !== ownName && !NOT_A_NAME.has(name.toLowerCase()));
  const successor = named.find((name) => knownNames.includes(name)) ?? named[0];
  const notice = sentenceAround(description, declared.index);
  return successor === undefined ? { notice } : { notice, successor };
}

/** The sentence of `text` that holds the character at `index`, at most 200 characters. */
function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('. ', index) + 1, 0);
  const endAt = text.indexOf('. ', index);
  const sentence = text.slice(start, endAt === -1 ? text.length : endAt + 1).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}
