import type { Document, Element, ParentNode } from 'domhandler';
import type { TreeAdapter } from 'parse5';
import { parse } from 'parse5';
import type { Htmlparser2TreeAdapterMap } from 'parse5-htmlparser2-tree-adapter';
import { adapter as domAdapter } from 'parse5-htmlparser2-tree-adapter';
import { PageTooComplexError } from './errors.js';

/** How much structure one page may have before extraction gives up on it. */
export interface PageBounds {
  /** Most elements the parser may create (`SCRAPER_MAX_ELEMENTS`). */
  readonly maxElements: number;
  /** Deepest element nesting (`SCRAPER_MAX_DEPTH`); `<html>` is at depth 1. */
  readonly maxDepth: number;
}

/** Defaults of the bounds: see `ScraperEnv` in config.ts for why. */
export const DEFAULT_PAGE_BOUNDS: PageBounds = { maxElements: 50_000, maxDepth: 512 };

/**
 * Parses `html` as a browser does (parse5, `scripting` on, the htmlparser2 DOM cheerio uses), and stops as soon
 * as the page goes past a bound: the parser creates more than `maxElements` elements, or puts one deeper than
 * `maxDepth`. Stopping during the parse keeps a hostile page from costing more than the bound: the parser's
 * scope checks walk the stack of open elements, so a deep page costs the square of its depth to parse.
 * Never recursive. Pure.
 * @throws PageTooComplexError when the page is over a bound.
 */
export function parseBoundedHtml(html: string, bounds: PageBounds): Document {
  // A Map, not a WeakMap: tens of thousands of weak keys slow every GC marking pass; this one dies with the parse.
  const depths = new Map<ParentNode, number>();
  let elements = 0;
  const placed = (parent: ParentNode, node: unknown): void => {
    if (!isElementNode(node)) return;
    const depth = (depths.get(parent) ?? 0) + 1;
    if (depth > bounds.maxDepth) {
      throw new PageTooComplexError(`elements nest deeper than ${bounds.maxDepth} (SCRAPER_MAX_DEPTH)`);
    }
    depths.set(node, depth);
  };
  const treeAdapter: TreeAdapter<Htmlparser2TreeAdapterMap> = {
    ...domAdapter,
    createElement(tagName, namespaceURI, attrs) {
      elements += 1;
      if (elements > bounds.maxElements) {
        throw new PageTooComplexError(`more than ${bounds.maxElements} elements (SCRAPER_MAX_ELEMENTS)`);
      }
      return domAdapter.createElement(tagName, namespaceURI, attrs);
    },
    appendChild(parent, node) {
      placed(parent, node);
      domAdapter.appendChild(parent, node);
    },
    insertBefore(parent, node, reference) {
      placed(parent, node);
      domAdapter.insertBefore(parent, node, reference);
    },
  };
  return parse(html, { treeAdapter, scriptingEnabled: true });
}

function isElementNode(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && 'attribs' in node;
}
