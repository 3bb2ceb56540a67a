/**
 * Issue 15's hostile pages: legal, modest HTML whose cost is in its shape, not its size. The scraper refuses both
 * as `page-too-complex` (over its element or depth bound) without stalling; tests and the chaos suite serve them.
 */
export const HOSTILE_PAGE_KINDS = ['wide', 'deep'] as const;
/** A kind of hostile page. */
export type HostilePageKind = (typeof HOSTILE_PAGE_KINDS)[number];

/** `paragraphs` sibling `<p>` elements (default 60,000: 469 KiB, over the scraper's 50,000-element bound). Pure. */
export function widePage(paragraphs = 60_000): string {
  return `<html><body>${'<p>x</p>'.repeat(paragraphs)}</body></html>`;
}

/** `depth` nested `<div>` elements (default 10,000, far over the scraper's depth bound). Pure. */
export function deepPage(depth = 10_000): string {
  return `<html><body>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</body></html>`;
}

/** The hostile page of `kind` at its default size. Pure. */
export function hostilePage(kind: HostilePageKind): string {
  return kind === 'wide' ? widePage() : deepPage();
}
