/**
 * Package families: sibling packages of one product (`@openai/agents`, `@openai/agents-core`,
 * `@openai/agents-realtime`; `langfuse` and `langfuse-vercel`) that one ranking should show as one entry.
 */

/**
 * First name segments too generic to make a family: `@modelcontextprotocol/server-puppeteer` and
 * `@modelcontextprotocol/server-filesystem` are different products.
 */
const GENERIC_SEGMENTS: ReadonlySet<string> = new Set([
  'ai',
  'api',
  'client',
  'core',
  'mcp',
  'node',
  'plugin',
  'provider',
  'sdk',
  'server',
  'tool',
  'tools',
  'types',
  'utils',
]);

/** Shortest first segment that makes a family of scoped siblings (`@roadiehq/rag-*` still does). */
const MIN_SEGMENT_LENGTH = 3;

/**
 * Shortest name (without its scope) whose `-suffix` siblings are its family: `langfuse-vercel` joins `langfuse`,
 * but `ai-sdk-tools` is not a sub-package of `ai`.
 */
const MIN_PREFIX_NAME_LENGTH = 4;

function isFamilyPrefix(shorter: string, longer: string): boolean {
  if (!longer.startsWith(`${shorter}-`)) return false;
  const bare = shorter.replace(/^@[^/]+\//, '');
  return bare.length >= MIN_PREFIX_NAME_LENGTH && !GENERIC_SEGMENTS.has(bare);
}

function scopedParts(name: string): { scope: string; head: string } | undefined {
  const match = /^(@[^/]+)\/([^-]+)-/.exec(name) ?? /^(@[^/]+)\/([^-]+)$/.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return { scope: match[1], head: match[2] };
}

/**
 * Whether two package names belong to one family: one is the other plus a `-suffix` (`langfuse` and
 * `langfuse-vercel`, `ollama-ai-provider` and `ollama-ai-provider-v2`; not a short or generic name such as `ai`),
 * or both are in one scope and share a
 * first name segment that is neither generic nor short (`@openai/agents-core` and `@openai/agents-realtime`,
 * `@langchain/langgraph` and `@langchain/langgraph-supervisor`). Pure.
 */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  if (isFamilyPrefix(a, b) || isFamilyPrefix(b, a)) return true;
  const left = scopedParts(a);
  const right = scopedParts(b);
  return (
    left !== undefined &&
    right !== undefined &&
    left.scope === right.scope &&
    left.head === right.head &&
    left.head.length >= MIN_SEGMENT_LENGTH &&
    !GENERIC_SEGMENTS.has(left.head)
  );
}

/** A family: its leading member (its main package when that cleared, else its best) and the others, best first. */
export interface Family<T> {
  readonly lead: T;
  readonly members: readonly T[];
}

/**
 * The main package of a family: the member whose name the most others extend (`@openai/agents` of
 * `@openai/agents-*`, `ollama` of `ollama-ai-provider`); when none extends another (`@openai/agents-core` and
 * `@openai/agents-realtime`), the first (best) one.
 */
function mainMember<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  canLead: (item: T) => boolean,
): T | undefined {
  const extendedBy = (item: T) =>
    items.filter((other) => other !== item && nameOf(other).startsWith(`${nameOf(item)}-`)).length;
  const eligible = items.filter(canLead);
  let main = eligible[0] ?? items[0];
  for (const item of eligible) if (main !== undefined && extendedBy(item) > extendedBy(main)) main = item;
  return main;
}

/**
 * Groups items, sorted best first, into families ({@link sameFamily} with a family's first item): each family is
 * led by its main package (`mainMember`) and lists the others best first, so one family takes one place in a
 * ranking. Families are in the order of their best item. An item `canLead` refuses (a deprecated package) leads
 * only a family of such items. Pure.
 */
export function groupFamilies<T>(
  sorted: readonly T[],
  nameOf: (item: T) => string,
  canLead: (item: T) => boolean = () => true,
): Family<T>[] {
  const families: { first: T; all: T[] }[] = [];
  for (const item of sorted) {
    const family = families.find(({ first }) => sameFamily(nameOf(first), nameOf(item)));
    if (family === undefined) families.push({ first: item, all: [item] });
    else family.all.push(item);
  }
  return families.map(({ first, all: members }) => {
    const lead = mainMember(members, nameOf, canLead) ?? first;
    return { lead, members: members.filter((member) => member !== lead) };
  });
}
