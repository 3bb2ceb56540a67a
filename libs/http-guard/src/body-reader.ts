import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { HTTP_GUARD_ERROR_CODES, HttpGuardError } from './errors.js';

/** The content encodings the fetcher asks for, as an Accept-Encoding header value. */
export const ACCEPTED_ENCODINGS = 'gzip, br';

/** How much of a body to read and how. */
export interface BodyLimits {
  /** Largest body, in bytes after content decoding. */
  readonly maxBytes: number;
  /** Past `maxBytes`: keep the first `maxBytes` (true) or fail with `too-large` (false). */
  readonly truncate: boolean;
  /** The Content-Encoding header, if any. */
  readonly contentEncoding?: string;
  /** The Content-Length header, if any: a declared size past the limit fails before reading. */
  readonly contentLength?: number;
  /** The URL, for error messages (already redacted). */
  readonly url: string;
}

/**
 * Reads a response body into memory, decompressing gzip/deflate/br and counting decoded bytes, so a
 * compression bomb stops at the limit like any other large body. Stops reading (and destroys the stream) as
 * soon as the limit is passed. Throws HttpGuardError `too-large` or `bad-content-encoding` (permanent); stream
 * errors are rethrown as they are.
 */
export async function readBody(body: Readable, limits: BodyLimits): Promise<Buffer> {
  const { maxBytes, truncate, url } = limits;
  if (!truncate && limits.contentLength !== undefined && limits.contentLength > maxBytes) {
    discard(body);
    throw tooLarge(url, maxBytes, `declares ${limits.contentLength} bytes`);
  }
  const decoded = decode(body, limits.contentEncoding, url);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of decoded) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      if (size + buffer.length > maxBytes) {
        if (!truncate) throw tooLarge(url, maxBytes, 'is larger');
        chunks.push(buffer.subarray(0, maxBytes - size));
        size = maxBytes;
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
  } finally {
    // Leaving the loop early destroys `decoded`; the raw body under a decompressor must go too.
    if (!body.readableEnded) discard(body);
  }
  return Buffer.concat(chunks, size);
}

function decode(body: Readable, contentEncoding: string | undefined, url: string): Readable {
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return body;
  const decompressor =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decompressor) {
    discard(body);
    throw HttpGuardError.permanent(
      HTTP_GUARD_ERROR_CODES.badContentEncoding,
      `${url} is encoded as "${encoding}", which was not asked for (${ACCEPTED_ENCODINGS})`,
    );
  }
  // Errors of either stream surface on the decompressor, which the reader iterates.
  return pipeline(body, decompressor, () => undefined);
}

/** Stops reading a body: the abort error a destroyed HTTP body emits is expected, not a failure. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function tooLarge(url: string, maxBytes: number, detail: string): HttpGuardError {
  return HttpGuardError.permanent(
    HTTP_GUARD_ERROR_CODES.tooLarge,
    `${url} ${detail} than the ${maxBytes}-byte limit`,
  );
}
