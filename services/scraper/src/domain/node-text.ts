import type { AnyNode, Element } from 'domhandler';
import { hasChildren, isTag, isText } from 'domhandler';

const WHITESPACE = /[\s\u00a0]+/g;

/**
 * Text as `collapseWhitespace` would give it, built chunk by chunk: every run of whitespace becomes one space,
 * leading and trailing spaces go. Keeps at most `cap + 1` characters, so a caller can stop feeding it once it
 * is `full` and `clipText(value, cap)` is still what it would be on the whole text.
 */
export class CollapsedText {
  private text = '';
  private truncated = false;

  constructor(private readonly cap = Number.POSITIVE_INFINITY) {}

  /** More than `cap` characters are held: later chunks cannot change the clipped value. */
  get full(): boolean {
    return this.text.length > this.cap;
  }

  /** Adds `chunk` (raw text) after what is held. */
  append(chunk: string): void {
    if (this.full || chunk === '') return;
    let piece = chunk.replace(WHITESPACE, ' ');
    if (piece.startsWith(' ') && (this.text === '' || this.text.endsWith(' '))) piece = piece.slice(1);
    this.text += piece;
    if (this.text.length > this.cap + 1) {
      this.text = this.text.slice(0, this.cap + 1);
      this.truncated = true;
    }
  }

  /** The collapsed text (cut after `cap + 1` characters when longer). */
  get value(): string {
    return this.truncated ? this.text : this.text.trimEnd();
  }
}

/** Skips an element and everything inside it when it returns true. */
export type SkipElement = (element: Element) => boolean;

/**
 * The whitespace-collapsed text content of `root` (text nodes only, as cheerio's `.text()`), without the
 * subtrees `skip` names, stopping once more than `cap` characters are held. Iterative: any depth is fine.
 * Pure.
 */
export function textOf(root: AnyNode, cap = Number.POSITIVE_INFINITY, skip?: SkipElement): string {
  const out = new CollapsedText(cap);
  const stack: AnyNode[] = [root];
  while (stack.length > 0 && !out.full) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) out.append(node.data);
    else if (hasChildren(node)) {
      if (node !== root && isTag(node) && skip?.(node)) continue;
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push(node.children[index] as AnyNode);
      }
    }
  }
  return out.value;
}

/** The text content of `root` as it is (whitespace and line breaks kept), iteratively. Pure. */
export function rawTextOf(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isText(node)) parts.push(node.data);
    else if (hasChildren(node)) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push(node.children[index] as AnyNode);
      }
    }
  }
  return parts.join('');
}

/** The element children of `node`, in order. */
export function childElements(node: AnyNode): Element[] {
  return hasChildren(node) ? node.children.filter((child) => isTag(child)) : [];
}

/** The element siblings after `element`, in order. */
export function* nextElements(element: Element): Generator<Element> {
  for (let sibling = element.nextSibling; sibling !== null; sibling = sibling.nextSibling) {
    if (isTag(sibling)) yield sibling;
  }
}
