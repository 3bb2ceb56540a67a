import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { TaskError } from '@swarm/transport/errors';
import { readBody } from './body-reader.js';

const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));
const limits = { maxBytes: 10, truncate: false, url: 'https://a.example/' };

describe('readBody', () => {
  it('reads a body within the limit', async () => {
    await expect(readBody(chunks('hello', ' you'), limits)).resolves.toEqual(Buffer.from('hello you'));
  });

  it('fails with a permanent too-large once the body passes the limit, and stops the stream', async () => {
    const body = chunks('0123456789', 'x', 'never read');
    const error = await readBody(body, limits).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskError);
    expect(error).toMatchObject({ code: 'too-large', retryable: false });
    expect(body.destroyed).toBe(true);
  });

  it('fails before reading when the declared length is past the limit', async () => {
    const body = chunks('small');
    await expect(readBody(body, { ...limits, contentLength: 11 })).rejects.toMatchObject({
      code: 'too-large',
    });
    expect(body.destroyed).toBe(true);
  });

  it('keeps the first maxBytes when truncating', async () => {
    await expect(readBody(chunks('0123456', '789abc'), { ...limits, truncate: true })).resolves.toEqual(
      Buffer.from('0123456789'),
    );
  });

  it('decompresses gzip and counts the decompressed bytes against the limit', async () => {
    const packed = (text: string) => Readable.from([gzipSync(text)]);
    await expect(readBody(packed('tiny'), { ...limits, contentEncoding: 'gzip' })).resolves.toEqual(
      Buffer.from('tiny'),
    );
    // 1 MiB of zeros compresses to about 1 KiB: the limit applies to what it expands to.
    await expect(
      readBody(packed('\0'.repeat(1_048_576)), { ...limits, maxBytes: 65_536, contentEncoding: 'gzip' }),
    ).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses an encoding it did not ask for', async () => {
    await expect(readBody(chunks('x'), { ...limits, contentEncoding: 'zstd' })).rejects.toMatchObject({
      code: 'bad-content-encoding',
      retryable: false,
    });
  });
});
