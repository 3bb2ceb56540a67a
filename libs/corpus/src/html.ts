const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Serializes a value as JSON that is safe inside `<script type="application/ld+json">`: `<`, `>`, `&` and the
 * JavaScript line separators are written as `\uXXXX` escapes, so no `</script>` or `<!--` can appear, and the
 * text still parses as the same JSON.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The shared page frame: head, site navigation and footer around the page's main content. */
export function renderDocument(parts: {
  title: string;
  description: string;
  canonicalPath: string;
  head?: string;
  main: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<meta name="description" content="${escapeHtml(parts.description)}">
<link rel="canonical" href="${escapeHtml(parts.canonicalPath)}">
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:0 1rem;line-height:1.5}
pre{background:#f4f4f4;padding:.75rem;overflow-x:auto}table.facts th{text-align:left;padding-right:1rem}</style>
${parts.head ?? ''}</head>
<body>
<header class="site-header">
<nav aria-label="Site">
<a class="brand" href="/">Agent Tooling Docs</a>
<ul><li><a href="/">All packages</a></li><li><a href="/#about">About</a></li><li><a href="/robots.txt">Crawling policy</a></li></ul>
</nav>
<form class="site-search" role="search" action="/" method="get"><label>Search the docs <input type="search" name="q"></label></form>
</header>
<main>
${parts.main}
</main>
<footer class="site-footer">
<p>Agent Tooling Docs is generated from public package metadata. Facts are shown as published by each package's
authors; each package remains under its own licence.</p>
<nav aria-label="Footer"><a href="/">Home</a> · <a href="/#about">About</a> · <a href="/robots.txt">robots.txt</a></nav>
<p><small>Cookie notice: this site sets no cookies.</small></p>
</footer>
</body>
</html>
`;
}
