import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PageExtract } from '@swarm/contracts';
import { extractPage } from './extract-page.js';
import type { ExtractPageInput } from './extract-page.js';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const input: ExtractPageInput = {
  url: 'https://fastify-lite.example/docs',
  finalUrl: 'https://fastify-lite.example/docs/latest/',
  bytes: 4_096,
  fetchedAt: '2025-11-21T05:49:00.000Z',
};

describe('extractPage', () => {
  describe('on a docs page with navigation, footer, JSON-LD and feature lists', () => {
    const extract = extractPage(fixture('docs-page.html'), input);

    it('satisfies the PageExtract contract and passes the fetch facts through', () => {
      expect(PageExtract.parse(extract)).toEqual(extract);
      expect(extract).toMatchObject({
        url: input.url,
        finalUrl: input.finalUrl,
        bytes: 4_096,
        fetchedAt: input.fetchedAt,
      });
    });

    it('prefers og:title and the meta description', () => {
      expect(extract.title).toBe('Fastify Lite — fast, low-overhead web framework');
      expect(extract.description).toBe('Fastify Lite is a fast and low overhead web framework for Node.js.');
    });

    it('takes the main text without scripts, styles, navigation, header, footer, aside or templates', () => {
      expect(extract.text.startsWith('Getting started Fastify Lite is a web framework')).toBe(true);
      expect(extract.text).toContain('$ npm install fastify-lite');
      expect(extract.text).toContain('License Apache-2.0 Version 3.0.0');
      for (const noise of ['SHOULD NOT APPEAR', 'Ecosystem', 'On this page', 'Copy']) {
        expect(extract.text).not.toContain(noise);
      }
      expect(extract.text).not.toMatch(/\s{2}/);
    });

    it('collects features from data-feature, .features lists and the Features heading, normalized and deduped', () => {
      expect(extract.features).toEqual([
        'developer friendly',
        'http/2 support',
        'typescript ready',
        'logging',
        'highly performant: up to 30k requests per second',
        'extensible via hooks, plugins and decorators',
        'schema based',
      ]);
    });

    it('trusts JSON-LD in @graph over the facts table for license and version', () => {
      expect(extract.license).toBe('MIT');
      expect(extract.version).toBe('4.2.1');
    });

    it('finds the install command without its prompt', () => {
      expect(extract.install).toBe('npm install fastify-lite');
    });
  });

  describe('on a page with no main element and no metadata', () => {
    const extract = extractPage(fixture('no-main.html'), input);

    it('falls back to <title>, the first real paragraph and the body text', () => {
      expect(PageExtract.parse(extract)).toEqual(extract);
      expect(extract.title).toBe('tiny-queue');
      expect(extract.description).toBe(
        'A tiny, dependency-free in-memory job queue for Node.js and browsers.',
      );
      expect(extract.text).toMatch(/^home tiny-queue New! A tiny, dependency-free/);
      expect(extract.text).toContain('Install it with yarn add tiny-queue or npm init.');
    });

    it('reads a "Key features" list nested under the heading and the facts table', () => {
      expect(extract.features).toEqual(['priorities', 'retries with back-off', 'concurrency control']);
      expect(extract).toMatchObject({ license: 'ISC', version: 'v0.9.3', install: 'yarn add tiny-queue' });
    });
  });

  describe('on a page with broken JSON-LD', () => {
    const extract = extractPage(fixture('broken-json-ld.html'), input);

    it('skips the invalid block and reads the valid array', () => {
      expect(PageExtract.parse(extract)).toEqual(extract);
      expect(extract).toMatchObject({ license: 'BSD-3-Clause', version: '2' });
    });

    it('uses [role=main] over a nested article, og tags by name, and a pnpm command inside a pre', () => {
      expect(extract.title).toBe('Chartly');
      expect(extract.description).toBe('Charts for the web, from one declarative spec.');
      expect(extract.text).toContain('Chartly docs Chartly renders charts');
      expect(extract.text).not.toContain('Pricing');
      expect(extract.install).toBe('pnpm add chartly @chartly/react');
      expect(extract.features).toEqual(['svg and canvas renderers']);
    });
  });

  it('uses the first h1 when there is no title, and leaves optional facts out when absent', () => {
    const extract = extractPage('<body><h1> Only  heading </h1><p>short</p></body>', input);
    expect(extract).toEqual({
      url: input.url,
      finalUrl: input.finalUrl,
      title: 'Only heading',
      description: '',
      text: 'Only heading short',
      features: [],
      fetchedAt: input.fetchedAt,
      bytes: 4_096,
    });
  });

  it('cuts every field to what the contract allows', () => {
    const word = 'lorem ';
    const items = Array.from({ length: 100 }, (_, i) => `<li>feature ${i} ${word.repeat(30)}</li>`).join('');
    const html = `<html><head><title>${word.repeat(200)}</title>
      <meta name="description" content="${word.repeat(500)}">
      <script type="application/ld+json">{"license": "${'x'.repeat(300)}", "softwareVersion": "1.${'0'.repeat(100)}"}</script>
      </head><body><main><p>${word.repeat(5_000)}</p><ul class="features">${items}</ul>
      <code>npm install ${'a'.repeat(400)}</code></main></body></html>`;
    const extract = extractPage(html, { ...input, maxTextChars: 50_000 });
    expect(PageExtract.parse(extract)).toEqual(extract);
    expect(extract.text.length).toBeLessThanOrEqual(20_000);
    expect(extract.features).toHaveLength(64);
    expect(extractPage(html, input).text.length).toBeLessThanOrEqual(8_000);
    expect(extractPage(html, { ...input, maxTextChars: 100 }).text).toBe(word.repeat(16).trim());
  });

  it('never throws on malformed html', () => {
    const extract = extractPage('<<<>>><div><p>unclosed <b>bold <script>x', input);
    expect(PageExtract.parse(extract)).toEqual(extract);
    expect(extract.text).toBe('<<<>>> unclosed bold');
  });
});
