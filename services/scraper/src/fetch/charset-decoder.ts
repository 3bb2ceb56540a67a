import { TextDecoder } from 'node:util';

/** The `charset` parameter of a Content-Type header value, lowercase, if any. Pure. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? '');
  const label = (match?.[1] ?? match?.[2] ?? '').trim().toLowerCase();
  return label === '' ? undefined : label;
}

/** The media type of a Content-Type header value, lowercase, without parameters. Pure. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** A `<meta charset>` or `<meta http-equiv content="...; charset=...">` within the first 1024 bytes. */
function metaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1_024)).toString('latin1');
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w:.()-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase();
  // The HTML spec reads a meta-declared UTF-16 as UTF-8 (the bytes were evidently ASCII-compatible).
  return label?.startsWith('utf-16') ? 'utf-8' : label;
}

function decoderFor(label: string | undefined): TextDecoder | undefined {
  if (label === undefined) return undefined;
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** windows-1252 code points of bytes 0x80-0x9f (five are unassigned and stay as they are). */
// prettier-ignore
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node 20's TextDecoder takes a latin1 fast path for windows-1252 (and so for `iso-8859-1`/`latin1`, which
 * the Encoding Standard maps to it) and returns C1 controls for bytes 0x80-0x9f; map them as browsers do.
 */
function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (char) =>
    String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char.charCodeAt(0)),
  );
}

/**
 * Decodes an HTML body the way browsers pick its encoding: byte-order mark, then the Content-Type charset,
 * then a `<meta>` charset in the first 1024 bytes, then UTF-8. Unknown labels are skipped; every WHATWG
 * encoding works (`iso-8859-1`/`latin1` decode as windows-1252, as browsers do). Malformed bytes become U+FFFD.
 * Pure.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | undefined): string {
  const decoder =
    decoderFor(bomCharset(bytes)) ??
    decoderFor(charsetOf(contentType)) ??
    decoderFor(metaCharset(bytes)) ??
    new TextDecoder('utf-8');
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text;
}
