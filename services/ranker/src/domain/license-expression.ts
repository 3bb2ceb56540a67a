/**
 * License families and a small SPDX expression reader. `OR` offers a choice, so its best option counts;
 * `AND` imposes every part, so its worst part counts; `WITH <exception>` keeps the license's family.
 * Free-text names ("Apache License, Version 2.0", "MIT License") are read as the license they name.
 */

/** A license family, best first. */
export type LicenseFamily = 'permissive' | 'weakCopyleft' | 'strongCopyleft' | 'unknown';

/** How a license (or expression) reads: its family and the license identifier that decided it. */
export interface LicenseReading {
  readonly family: LicenseFamily;
  readonly decidedBy: string;
  /** How the expression combined its parts: a single license, a choice (`OR`) or a conjunction (`AND`). */
  readonly combination: 'single' | 'choice' | 'conjunction';
}

const RANK: Record<LicenseFamily, number> = { permissive: 3, weakCopyleft: 2, strongCopyleft: 1, unknown: 0 };

const PERMISSIVE =
  /^(MIT(-0)?|X11|ISC|0BSD|BSD(-.+)?|APACHE(-[12](\.[01])?)?|UNLICENSE|ZLIB|CC0(-1\.0)?|BSL-1\.0|BLUEOAK-1\.0\.0|PYTHON-2\.0|WTFPL)$/;
const WEAK_COPYLEFT = /^(GNU-)?(LGPL|MPL|EPL|LESSER-GENERAL-PUBLIC)/;
const STRONG_COPYLEFT = /^(GNU-)?(A?GPL|AFFERO|GENERAL-PUBLIC)/;

/** The family of one license identifier or free-text license name. */
export function licenseFamily(identifier: string): LicenseFamily {
  const id = normalizeIdentifier(identifier);
  if (PERMISSIVE.test(id)) return 'permissive';
  if (WEAK_COPYLEFT.test(id)) return 'weakCopyleft';
  if (STRONG_COPYLEFT.test(id)) return 'strongCopyleft';
  return 'unknown';
}

function normalizeIdentifier(identifier: string): string {
  return identifier
    .toUpperCase()
    .replace(/\b(THE|LICEN[CS]E|VERSION)\b/g, ' ')
    .replace(/[\s,]+/g, ' ')
    .trim()
    .replace(/ /g, '-')
    .replace(/\+$/, '')
    .replace(/-(ONLY|OR-LATER)$/, '');
}

type Node =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'or' | 'and'; readonly parts: readonly Node[] };

/** Reads an SPDX expression such as `(MIT OR Apache-2.0)`; a string that is no expression is one name. Pure. */
export function readLicense(expression: string): LicenseReading {
  const tree = parseExpression(expression);
  if (!tree)
    return { family: licenseFamily(expression), decidedBy: expression.trim(), combination: 'single' };
  const decided = evaluate(tree);
  const combination = tree.kind === 'or' ? 'choice' : tree.kind === 'and' ? 'conjunction' : 'single';
  return { ...decided, combination };
}

function evaluate(node: Node): { family: LicenseFamily; decidedBy: string } {
  if (node.kind === 'id') return { family: licenseFamily(node.id), decidedBy: node.id };
  const results = node.parts.map(evaluate);
  const better = (a: (typeof results)[number], b: (typeof results)[number]) =>
    node.kind === 'or' ? RANK[b.family] > RANK[a.family] : RANK[b.family] < RANK[a.family];
  return results.reduce((chosen, next) => (better(chosen, next) ? next : chosen));
}

/** Recursive descent over `or := and (OR and)*`, `and := with (AND with)*`, `with := atom (WITH id)?`. */
function parseExpression(expression: string): Node | undefined {
  const tokens = expression
    .replace(/([()])/g, ' $1 ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const isOperator = (token: string | undefined, operator: string) => token?.toUpperCase() === operator;

  const parseList = (operator: 'OR' | 'AND', parsePart: () => Node | undefined): Node | undefined => {
    const first = parsePart();
    if (!first) return undefined;
    const parts = [first];
    while (isOperator(peek(), operator)) {
      position += 1;
      const next = parsePart();
      if (!next) return undefined;
      parts.push(next);
    }
    return parts.length === 1 ? first : { kind: operator === 'OR' ? 'or' : 'and', parts };
  };
  const parseAtom = (): Node | undefined => {
    const token = peek();
    if (token === undefined || token === ')' || ['OR', 'AND', 'WITH'].includes(token.toUpperCase())) {
      return undefined;
    }
    position += 1;
    if (token !== '(') return { kind: 'id', id: token };
    const inner = parseOr();
    if (peek() !== ')') return undefined;
    position += 1;
    return inner;
  };
  const parseWith = (): Node | undefined => {
    const atom = parseAtom();
    if (atom && isOperator(peek(), 'WITH')) {
      position += 2;
      if (position > tokens.length) return undefined;
    }
    return atom;
  };
  const parseAnd = () => parseList('AND', parseWith);
  const parseOr = (): Node | undefined => parseList('OR', parseAnd);

  const tree = parseOr();
  return tree && position === tokens.length ? tree : undefined;
}
