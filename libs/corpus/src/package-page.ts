import type { CorpusFeature, CorpusPackage } from './corpus-package.js';
import { FEATURE_LABELS } from './corpus-package.js';
import { escapeHtml, jsonForScript, renderDocument } from './html.js';

/** The site path of a package's documentation page: `/packages/<id>.html`. */
export function packagePagePath(id: string): string {
  return `/packages/${encodeURIComponent(id)}.html`;
}

/** The human sentence for a capability tag; a tag outside the vocabulary is shown as written. */
export function featureLabel(feature: string): string {
  return Object.hasOwn(FEATURE_LABELS, feature) ? FEATURE_LABELS[feature as CorpusFeature] : feature;
}

/** The schema.org description of a package, as embedded in its page (JSON-LD). */
export function packageStructuredData(pkg: CorpusPackage): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'SoftwareApplication',
    name: pkg.name,
    description: pkg.summary,
    applicationCategory: 'DeveloperApplication',
    operatingSystem: 'Node.js',
    featureList: pkg.features.map(featureLabel),
  };
  if (pkg.keywords.length > 0) data['keywords'] = pkg.keywords.join(', ');
  if (pkg.license !== undefined) data['license'] = pkg.license;
  if (pkg.version !== undefined) data['softwareVersion'] = pkg.version;
  if (pkg.lastPublished !== undefined) data['dateModified'] = pkg.lastPublished;
  const url = pkg.homepage ?? pkg.repository;
  if (url !== undefined) data['url'] = url;
  if (pkg.repository !== undefined) data['sameAs'] = pkg.repository;
  data['interactionStatistic'] = {
    '@type': 'InteractionCounter',
    interactionType: 'https://schema.org/DownloadAction',
    userInteractionCount: pkg.monthlyDownloads,
    description: 'downloads in the last month',
  };
  return data;
}

function factRow(label: string, fact: string, cell: string): string {
  return `<tr><th scope="row">${label}</th><td data-fact="${fact}">${cell}</td></tr>`;
}

function renderFacts(pkg: CorpusPackage): string {
  const rows = [
    factRow('License', 'license', pkg.license === undefined ? 'not declared' : escapeHtml(pkg.license)),
    factRow('Latest version', 'version', pkg.version === undefined ? 'unknown' : escapeHtml(pkg.version)),
    factRow(
      'Last published',
      'last-published',
      pkg.lastPublished === undefined
        ? 'unknown'
        : `<time datetime="${escapeHtml(pkg.lastPublished)}">${escapeHtml(pkg.lastPublished)}</time>`,
    ),
    factRow(
      'Monthly downloads',
      'monthly-downloads',
      `<data value="${pkg.monthlyDownloads}">${pkg.monthlyDownloads.toLocaleString('en-US')}</data>`,
    ),
  ];
  return `<table class="facts"><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function renderFeatures(pkg: CorpusPackage): string {
  if (pkg.features.length === 0) {
    return '<p class="no-features">The package metadata names no specific capabilities.</p>';
  }
  const items = pkg.features.map(
    (feature) => `<li data-feature="${escapeHtml(feature)}">${escapeHtml(featureLabel(feature))}</li>`,
  );
  return `<ul class="features">\n${items.join('\n')}\n</ul>`;
}

function renderKeywords(pkg: CorpusPackage): string {
  if (pkg.keywords.length === 0) return '<p class="no-keywords">No keywords published.</p>';
  const items = pkg.keywords.map((keyword) => `<li>${escapeHtml(keyword)}</li>`);
  return `<ul class="keywords">${items.join('')}</ul>`;
}

function renderLinks(pkg: CorpusPackage): string {
  const links: string[] = [];
  if (pkg.homepage !== undefined) {
    links.push(`<li><a rel="external noopener" href="${escapeHtml(pkg.homepage)}">Homepage</a></li>`);
  }
  if (pkg.repository !== undefined) {
    links.push(
      `<li><a rel="external noopener" href="${escapeHtml(pkg.repository)}">Source repository</a></li>`,
    );
  }
  if (links.length === 0) return '<p class="no-links">The package publishes no homepage or repository.</p>';
  return `<ul class="links">${links.join('')}</ul>`;
}

/**
 * A complete HTML5 documentation page for one package: title and description meta, an article with the name,
 * summary, install command, features (`<ul class="features">` with a `data-feature` tag per item), keywords,
 * a facts table (`data-fact` cells), links, and schema.org JSON-LD; site navigation and footer around it.
 * Every value taken from the package is escaped.
 */
export function renderPackagePage(pkg: CorpusPackage): string {
  const main = `<article class="package" data-package-id="${escapeHtml(pkg.id)}">
<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/">Packages</a> › <span>${escapeHtml(pkg.name)}</span></nav>
<h1>${escapeHtml(pkg.name)}</h1>
<p class="summary">${escapeHtml(pkg.summary)}</p>
<section id="install">
<h2>Install</h2>
<pre><code>npm install ${escapeHtml(pkg.name)}</code></pre>
</section>
<section id="features">
<h2>Features</h2>
${renderFeatures(pkg)}
</section>
<section id="keywords">
<h2>Keywords</h2>
${renderKeywords(pkg)}
</section>
<section id="facts">
<h2>Package facts</h2>
${renderFacts(pkg)}
</section>
<section id="links">
<h2>Links</h2>
${renderLinks(pkg)}
</section>
</article>
<aside class="related" aria-label="More">
<p>Looking for something else? <a href="/">Browse all packages</a>.</p>
</aside>`;
  return renderDocument({
    title: `${pkg.name} · Agent Tooling Docs`,
    description: pkg.summary,
    canonicalPath: packagePagePath(pkg.id),
    head: `<script type="application/ld+json">${jsonForScript(packageStructuredData(pkg))}</script>\n`,
    main,
  });
}

/** The site's index page: one linked entry (name and summary) per package, in the order given. */
export function renderIndexPage(pkgs: readonly CorpusPackage[]): string {
  const items = pkgs.map(
    (pkg) =>
      `<li><a href="${packagePagePath(pkg.id)}">${escapeHtml(pkg.name)}</a> <span class="summary">${escapeHtml(pkg.summary)}</span></li>`,
  );
  const main = `<h1>AI agent and LLM tooling packages</h1>
<p id="about">Documentation pages for ${pkgs.length} packages for building AI agents and LLM applications.</p>
<ul class="package-index">
${items.join('\n')}
</ul>`;
  return renderDocument({
    title: 'Packages · Agent Tooling Docs',
    description: `Documentation pages for ${pkgs.length} AI agent and LLM tooling packages.`,
    canonicalPath: '/',
    main,
  });
}
