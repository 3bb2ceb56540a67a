/** Collapses every run of whitespace (including non-breaking spaces) to one space and trims. Pure. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Cuts `text` to at most `maxChars` UTF-16 units without splitting a surrogate pair; when a word boundary lies
 * in the last fifth, cuts there instead of mid-word. Pure.
 */
export function clipText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = text.slice(0, maxChars);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  return (space >= maxChars * 0.8 ? cut.slice(0, space) : cut).trimEnd();
}
