import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PageExtract } from '@swarm/contracts';
import { extractPage } from '../domain/extract-page.js';
import { charsetOf, decodeHtml, mediaTypeOf } from './charset-decoder.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('decodeHtml', () => {
  it('decodes utf-8 by default', () => {
    expect(decodeHtml(Buffer.from('<p>Café – naïve</p>', 'utf8'), 'text/html')).toBe('<p>Café – naïve</p>');
  });

  it('decodes with the content-type charset, latin1 included', () => {
    expect(decodeHtml(latin1('<p>Café naïve</p>'), 'text/html; charset=ISO-8859-1')).toBe(
      '<p>Café naïve</p>',
    );
    expect(decodeHtml(latin1('<p>Café</p>'), 'text/html;charset="latin1"')).toBe('<p>Café</p>');
  });

  it('falls back to a meta charset in the first 1024 bytes', () => {
    const page = '<html><head><meta charset="iso-8859-1"><title>Über</title></head></html>';
    expect(decodeHtml(latin1(page), 'text/html')).toContain('<title>Über</title>');
    const httpEquiv = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>€5</p>';
    expect(decodeHtml(Buffer.from(httpEquiv.replace('€', '\x80'), 'latin1'), undefined)).toContain('€5');
  });

  it('lets a byte-order mark win over the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Ærø', 'utf8')]);
    expect(decodeHtml(bytes, 'text/html; charset=iso-8859-1')).toBe('Ærø');
  });

  it('ignores an unknown charset label', () => {
    expect(decodeHtml(Buffer.from('ok ✓', 'utf8'), 'text/html; charset=klingon')).toBe('ok ✓');
  });
});

describe('content-type parsing', () => {
  it('reads the media type and charset', () => {
    expect(mediaTypeOf(' Text/HTML ; charset=UTF-8')).toBe('text/html');
    expect(charsetOf('text/html; Charset=UTF-8')).toBe('utf-8');
    expect(charsetOf('text/html')).toBeUndefined();
    expect(mediaTypeOf(undefined)).toBe('');
  });
});

describe('a latin1 page, decoded and extracted', () => {
  const bytes = readFileSync(join(__dirname, '..', 'domain', 'fixtures', 'latin1-page.html'));
  const input = { url: 'https://creme.example/', finalUrl: 'https://creme.example/', bytes: bytes.length };

  it.each([
    ['its content-type charset', 'text/html; charset=ISO-8859-1'],
    ['its meta charset alone', 'text/html'],
  ])('reads accents and windows-1252 punctuation by %s', (_, contentType) => {
    const extract = extractPage(decodeHtml(bytes, contentType), {
      ...input,
      fetchedAt: '2025-11-21T06:00:00Z',
    });
    expect(PageExtract.parse(extract)).toEqual(extract);
    expect(extract.title).toBe('Crème – générateur de sites');
    expect(extract.description).toBe('Crème est un générateur de sites statiques, rapide et sûr.');
    expect(extract.features).toEqual(['thèmes intégrés', 'aperçu en direct']);
  });

  it('garbles it when read as utf-8, which is why the charset matters', () => {
    expect(decodeHtml(bytes, 'text/html; charset=utf-8')).toContain('Cr\ufffdme');
  });
});
