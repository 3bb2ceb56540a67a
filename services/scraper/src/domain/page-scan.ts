import type { AnyNode, Document, Element } from 'domhandler';
import { hasChildren, isTag } from 'domhandler';
import { PageTooComplexError } from './errors.js';

/** Elements whose text is never main content (plus any element with a `hidden` attribute). */
const BOILERPLATE = new Set([
  'script',
  'style',
  'nav',
  'header',
  'footer',
  'aside',
  'noscript',
  'template',
  'svg',
  'iframe',
  'button',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** `meta[name|property=...]` whose `content` is read. */
const META_CONTENT = new Set(['og:title', 'description', 'og:description']);
/** `meta[name=...]` or `[itemprop=...]` whose content or text is read. */
const META_VALUE = new Set(['license', 'version', 'softwareVersion']);

/** Everything extraction reads from a page, found in one walk over its DOM, in document order. */
export interface PageScan {
  /** First `<title>` and first `<h1>`. */
  title?: Element;
  h1?: Element;
  /** First `meta[name=X], meta[property=X]` per name of META_CONTENT. */
  readonly metaContent: Map<string, Element>;
  /** First `meta[name=X], [itemprop=X]` per name of META_VALUE. */
  readonly metaValue: Map<string, Element>;
  /** `script[type="application/ld+json"]`. */
  readonly jsonLd: Element[];
  /** `<tr>` and `<dt>` elements. */
  readonly rows: Element[];
  readonly terms: Element[];
  /** `<code>` and `<pre>` elements not inside another of their kind (whose text holds theirs). */
  readonly codes: Element[];
  readonly pres: Element[];
  /** `[data-feature]` elements, `<li>` inside a `.features` element, and headings h1-h6. */
  readonly dataFeatures: Element[];
  readonly featureItems: Element[];
  readonly headings: Element[];
  /** Main-content candidates outside boilerplate: first `<main>`, `[role=main]`, `<article>`, `<body>`. */
  readonly mainCandidates: Element[];
}

/** Whether `element` and its subtree are boilerplate (never main content). */
export function isBoilerplate(element: Element): boolean {
  return BOILERPLATE.has(element.name) || element.attribs['hidden'] !== undefined;
}

interface Frame {
  readonly node: AnyNode;
  readonly depth: number;
  readonly boilerplate: boolean;
  readonly features: boolean;
  readonly code: boolean;
  readonly pre: boolean;
}

/**
 * Walks the document once (iteratively, so any depth is safe) and collects what `extractPage` reads: cost is
 * linear in the number of nodes, where repeated whole-tree selector queries cost that per query.
 * @throws PageTooComplexError when an element lies deeper than `maxDepth`.
 */
export function scanPage(document: Document, maxDepth: number): PageScan {
  const scan: PageScan = {
    metaContent: new Map(),
    metaValue: new Map(),
    jsonLd: [],
    rows: [],
    terms: [],
    codes: [],
    pres: [],
    dataFeatures: [],
    featureItems: [],
    headings: [],
    mainCandidates: [],
  };
  const main: { main?: Element; role?: Element; article?: Element; body?: Element } = {};
  const stack: Frame[] = [
    { node: document, depth: 0, boilerplate: false, features: false, code: false, pre: false },
  ];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const { node } = frame;
    let child = frame;
    if (isTag(node)) {
      if (frame.depth > maxDepth) {
        throw new PageTooComplexError(`elements nest deeper than ${maxDepth} (SCRAPER_MAX_DEPTH)`);
      }
      const boilerplate = frame.boilerplate || isBoilerplate(node);
      visit(scan, node, frame);
      if (!boilerplate) {
        if (node.name === 'main') main.main ??= node;
        if (node.attribs['role'] === 'main') main.role ??= node;
        if (node.name === 'article') main.article ??= node;
        if (node.name === 'body') main.body ??= node;
      }
      child = {
        node,
        depth: frame.depth,
        boilerplate,
        features: frame.features || hasClass(node, 'features'),
        code: frame.code || node.name === 'code',
        pre: frame.pre || node.name === 'pre',
      };
    }
    if (!hasChildren(node)) continue;
    for (let index = node.children.length - 1; index >= 0; index -= 1) {
      stack.push({ ...child, node: node.children[index] as AnyNode, depth: frame.depth + 1 });
    }
  }
  for (const candidate of [main.main, main.role, main.article, main.body]) {
    if (candidate !== undefined) scan.mainCandidates.push(candidate);
  }
  return scan;
}

function visit(scan: PageScan, element: Element, frame: Frame): void {
  const { name, attribs } = element;
  if (name === 'title') scan.title ??= element;
  if (name === 'h1') scan.h1 ??= element;
  if (name === 'meta') {
    for (const key of [attribs['name'], attribs['property']]) {
      if (key !== undefined && META_CONTENT.has(key) && !scan.metaContent.has(key))
        scan.metaContent.set(key, element);
    }
  }
  for (const key of [name === 'meta' ? attribs['name'] : undefined, attribs['itemprop']]) {
    if (key !== undefined && META_VALUE.has(key) && !scan.metaValue.has(key))
      scan.metaValue.set(key, element);
  }
  if (name === 'script' && attribs['type'] === 'application/ld+json') scan.jsonLd.push(element);
  if (name === 'tr') scan.rows.push(element);
  if (name === 'dt') scan.terms.push(element);
  if (name === 'code' && !frame.code) scan.codes.push(element);
  if (name === 'pre' && !frame.pre) scan.pres.push(element);
  if (attribs['data-feature'] !== undefined) scan.dataFeatures.push(element);
  if (name === 'li' && frame.features) scan.featureItems.push(element);
  if (HEADINGS.has(name)) scan.headings.push(element);
}

function hasClass(element: Element, name: string): boolean {
  const classes = element.attribs['class'];
  return classes !== undefined && classes.split(/[\t\n\f\r ]+/).includes(name);
}
