import { redactSecrets, redactUrl } from '@swarm/http-guard';
import { z } from 'zod';
import { InvalidSourceConfigError } from './errors.js';

const webUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/** One configured search source. */
export const SourceSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('corpus') }),
  z.strictObject({ kind: z.literal('feed'), url: webUrl }),
  z.strictObject({ kind: z.literal('http'), endpoint: webUrl }),
]);
/** One configured search source. */
export type SourceSpec = z.infer<typeof SourceSpec>;

/** The default configuration: the shipped corpus only. */
export const DEFAULT_SOURCE_CONFIG = 'corpus';

/**
 * The name a source of this spec reports in its hits, events and spans: `corpus`, `feed:<url>` or
 * `http:<endpoint>`, the URL redacted (`redactUrl`: a key in it never shows).
 */
export function sourceName(spec: SourceSpec): string {
  switch (spec.kind) {
    case 'corpus':
      return 'corpus';
    case 'feed':
      return `feed:${redactUrl(spec.url)}`;
    case 'http':
      return `http:${redactUrl(spec.endpoint)}`;
  }
}

function specOf(entry: string): unknown {
  if (entry === 'corpus') return { kind: 'corpus' };
  const colon = entry.indexOf(':');
  const kind = colon < 0 ? entry : entry.slice(0, colon);
  const target = colon < 0 ? '' : entry.slice(colon + 1).trim();
  if (kind === 'feed') return { kind, url: target };
  if (kind === 'http') return { kind, endpoint: target };
  return { kind };
}

/**
 * Parses a source configuration: comma-separated entries `corpus`, `feed:<rss-or-atom-url>` and
 * `http:<search-endpoint>`, e.g. `corpus,feed:https://example.test/feed.xml,http:https://search.example.test/api`.
 * Whitespace around entries and empty entries are ignored; a URL that contains a comma must encode it as `%2C`.
 * @throws InvalidSourceConfigError naming the bad entry, secrets redacted (unknown kind, missing or non-http(s)
 * URL, a repeated entry: two entries that differ only in a secret count as repeats) or saying that no source is
 * configured.
 */
export function parseSourceConfig(config: string): SourceSpec[] {
  const entries = config
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) {
    throw new InvalidSourceConfigError(
      `no search source configured in "${config}": list corpus, feed:<url> or http:<url>, separated by commas`,
    );
  }
  const specs: SourceSpec[] = [];
  const names = new Map<string, number>();
  entries.forEach((entry, i) => {
    const position = `search source entry ${i + 1} ("${redactSecrets(entry)}")`;
    const parsed = SourceSpec.safeParse(specOf(entry));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const problem =
        issue?.path[0] === 'kind'
          ? 'has an unknown kind: use corpus, feed:<url> or http:<url>'
          : `has an invalid ${String(issue?.path[0] ?? 'value')}: ${issue?.message ?? 'unknown issue'}`;
      throw new InvalidSourceConfigError(`${position} ${problem}`, { cause: parsed.error });
    }
    const name = sourceName(parsed.data);
    const earlier = names.get(name);
    if (earlier !== undefined) throw new InvalidSourceConfigError(`${position} repeats entry ${earlier}`);
    names.set(name, i + 1);
    specs.push(parsed.data);
  });
  return specs;
}
