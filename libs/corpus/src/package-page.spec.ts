import type { CorpusPackage } from './corpus-package.js';
import { CORPUS_FEATURES, FEATURE_LABELS } from './corpus-package.js';
import { loadCorpus } from './corpus-loader.js';
import { renderIndexPage, renderPackagePage } from './package-page.js';

const hostile: CorpusPackage = {
  id: 'evil',
  name: 'evil"pkg',
  summary: 'Agents </script><script>alert("x")</script> & <b>bold</b> \u2028 it\'s',
  keywords: ['<img src=x onerror=alert(1)>', 'agent'],
  monthlyDownloads: 1234567,
  license: 'MIT',
  version: '1.2.3',
  lastPublished: '2026-09-07',
  homepage: 'https://example.test/?a=1&b="2"',
  repository: 'https://github.com/acme/evil',
  features: ['rag', 'mcp'],
};

function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>;
}

describe('renderPackagePage', () => {
  const html = renderPackagePage(hostile);

  it('escapes markup in every value taken from the package', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>bold');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<h1>evil&quot;pkg</h1>');
    expect(html).toContain('href="https://example.test/?a=1&amp;b=&quot;2&quot;"');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('is an HTML5 document with title, description and an install section', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<title>evil&quot;pkg · Agent Tooling Docs</title>');
    expect(html).toContain('<meta name="description" content="Agents &lt;/script&gt;');
    expect(html).toContain('<pre><code>npm install evil&quot;pkg</code></pre>');
    expect(html).toMatch(/<main>\s*<article class="package"/);
    expect(html).toContain('<footer class="site-footer">');
  });

  it('lists each feature as a human sentence with its tag', () => {
    expect(html).toContain(
      '<ul class="features">\n' +
        '<li data-feature="rag">Retrieval-augmented generation (RAG)</li>\n' +
        '<li data-feature="mcp">Model Context Protocol (MCP)</li>\n</ul>',
    );
  });

  it('shows the facts table', () => {
    expect(html).toContain('<td data-fact="license">MIT</td>');
    expect(html).toContain('<td data-fact="version">1.2.3</td>');
    expect(html).toContain('<time datetime="2026-09-07">2026-09-07</time>');
    expect(html).toContain('<data value="1234567">1,234,567</data>');
  });

  it('embeds parseable schema.org JSON-LD with the raw values', () => {
    expect(jsonLd(html)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'SoftwareApplication',
      name: 'evil"pkg',
      description: hostile.summary,
      license: 'MIT',
      softwareVersion: '1.2.3',
      keywords: '<img src=x onerror=alert(1)>, agent',
      url: hostile.homepage,
    });
  });

  it('says so when a package has no features, keywords or links', () => {
    const bare = renderPackagePage({
      ...hostile,
      features: [],
      keywords: [],
      homepage: undefined,
      repository: undefined,
    });
    expect(bare).not.toContain('<ul class="features">');
    expect(bare).toContain('names no specific capabilities');
    expect(bare).toContain('No keywords published.');
    expect(bare).toContain('publishes no homepage or repository');
    expect(jsonLd(bare)).not.toHaveProperty('url');
  });

  it('renders every corpus entry with valid JSON-LD', () => {
    for (const pkg of loadCorpus()) expect(jsonLd(renderPackagePage(pkg))['name']).toBe(pkg.name);
  });

  it('has a label for every feature of the vocabulary', () => {
    for (const feature of CORPUS_FEATURES) expect(FEATURE_LABELS[feature]).toMatch(/^[A-Z]/);
  });
});

describe('renderIndexPage', () => {
  it('links every package page', () => {
    const corpus = loadCorpus();
    const html = renderIndexPage(corpus);
    expect(html.match(/<li><a href="\/packages\//g)).toHaveLength(corpus.length);
    expect(html).toContain('<a href="/packages/langchain__langgraph.html">@langchain/langgraph</a>');
  });
});
