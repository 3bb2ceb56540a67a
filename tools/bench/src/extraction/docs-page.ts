const KIB = 1_024;

/** Text of a paragraph: plain documentation prose, about 330 characters. */
const PROSE =
  'The router matches each request against the registered routes in order and runs the handler of the first ' +
  'match. Hooks run before and after the handler, so logging, authentication and validation stay out of it. ' +
  'Every option has a default that suits most services, and each one is documented with an example below.';

/** One section of a documentation page, about 1.6 KiB and 21 elements, the way a docs generator writes it. */
function section(index: number): string {
  return (
    `<section id="s${index}"><h2>Section ${index}: routing</h2><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p>` +
    `<ul><li>route ${index} matching</li><li>hooks</li><li>plugins</li><li>decorators</li></ul>` +
    `<pre><code>$ npm install example-${index}</code></pre>` +
    `<table><tr><th>Option</th><td>timeout-${index}</td></tr><tr><th>Default</th><td>10 s</td></tr></table>` +
    '</section>\n'
  );
}

/**
 * A documentation page of about `kib` KiB (within one section): head with metadata, navigation,
 * then sections of prose, a list, a code block and a facts table, about 13 elements per KiB (27,000 at the
 * 2 MiB size limit, inside the scraper's default SCRAPER_MAX_ELEMENTS of 50,000). Deterministic. Pure.
 */
export function docsPage(kib: number): string {
  const head =
    '<!doctype html><html><head><title>Example framework docs</title>' +
    '<meta name="description" content="Documentation of the example web framework.">' +
    '<meta property="og:title" content="Example framework"></head><body>' +
    '<nav><a href="/">home</a><a href="/docs">docs</a></nav><main><h1>Example framework</h1>\n';
  const tail = '</main><footer>footer</footer></body></html>\n';
  const target = kib * KIB - head.length - tail.length;
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < target; index += 1) {
    const next = section(index);
    parts.push(next);
    size += next.length;
  }
  return head + parts.join('') + tail;
}

/** Issue 15's hostile pages: 60,000 paragraphs in 469 KiB, and 10,000 nested divs. Pure. */
export const HOSTILE_PAGES = {
  wide: `<html><body>${'<p>x</p>'.repeat(60_000)}</body></html>`,
  deep: `<html><body>${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}</body></html>`,
} as const;
