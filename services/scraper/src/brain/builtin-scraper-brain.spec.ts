import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPage } from '../domain/extract-page.js';
import { inProcessExtractor } from '../extract/testing/in-process-extractor.js';
import { BuiltinScraperBrain } from './builtin-scraper-brain.js';

describe('BuiltinScraperBrain', () => {
  it('extracts exactly what extractPage does', async () => {
    const html = readFileSync(join(__dirname, '../domain/fixtures/docs-page.html'), 'utf8');
    const meta = {
      url: 'https://fastify-lite.example/docs',
      finalUrl: 'https://fastify-lite.example/docs/',
      bytes: 4_096,
      fetchedAt: '2025-11-21T05:49:00.000Z',
      maxTextChars: 500,
    };
    const extract = await new BuiltinScraperBrain(inProcessExtractor).extract(html, meta);
    expect(extract).toEqual(extractPage(html, meta));
    expect(extract.features.length).toBeGreaterThan(0);
    expect(extract.integrations).toBeUndefined();
  });
});
