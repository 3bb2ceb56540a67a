/** Normalizes a date or date-time to `YYYY-MM-DD` (UTC); `undefined` when it does not parse. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const plain = /^(\d{4}-\d{2}-\d{2})$/.exec(trimmed)?.[1];
  const millis = Date.parse(plain === undefined ? trimmed : `${plain}T00:00:00Z`);
  if (Number.isNaN(millis)) return undefined;
  const iso = new Date(millis).toISOString();
  return iso.startsWith('+') || iso.startsWith('-') ? undefined : iso.slice(0, 10);
}

/** Lower-cased, trimmed, de-duplicated keywords of 1 to 100 characters, at most `max`. */
export function cleanKeywords(keywords: readonly string[], max = 32): string[] {
  const cleaned = keywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length >= 1 && k.length <= 100);
  return [...new Set(cleaned)].slice(0, max);
}

/** Whether a string is an absolute http(s) URL. */
export function isWebUrl(value: string | undefined): value is string {
  if (value === undefined || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  }
  return Object.hasOwn(ENTITIES, body) ? (ENTITIES[body] ?? entity) : entity;
}

/** Plain text of an HTML fragment: scripts and styles removed, tags dropped, entities decoded, spaces collapsed. */
export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => decodeEntity(entity, body))
    .replace(/\s+/g, ' ')
    .trim();
}
