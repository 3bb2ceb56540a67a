import { TaskError } from '@swarm/transport/errors';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PackageRecord } from '../domain/package-record.js';
import { packageIdFromName } from '../domain/package-record.js';
import { SEARCH_SOURCE_ERROR_CODES } from './errors.js';
import { cleanKeywords, isWebUrl, stripHtml, toIsoDate } from './record-fields.js';

/** One entry of an RSS 2.0 or Atom feed, as plain text. */
export interface FeedItem {
  readonly title: string;
  /** Plain text of the description / summary / content (HTML stripped). */
  readonly summary: string;
  readonly link?: string | undefined;
  readonly categories: readonly string[];
  /** `YYYY-MM-DD` of pubDate / updated / published. */
  readonly published?: string | undefined;
}

/** Feeds longer than this are cut: the newest entries come first in practice. */
const MAX_ITEMS = 1_000;

const ARRAY_PATHS = new Set([
  'rss.channel.item',
  'rss.channel.item.category',
  'feed.entry',
  'feed.entry.category',
  'feed.entry.link',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jPath) => typeof jPath === 'string' && ARRAY_PATHS.has(jPath),
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) return text(value['#text']);
  if (Array.isArray(value)) return text(value[0]);
  return '';
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function badFeed(source: string, problem: string): TaskError {
  return TaskError.permanent(SEARCH_SOURCE_ERROR_CODES.badResponse, `feed from ${source} ${problem}`);
}

function rssItem(item: Node): FeedItem {
  const guid = text(item['guid']);
  return {
    title: stripHtml(text(item['title'])),
    summary: stripHtml(text(item['description'] ?? item['content:encoded'])),
    link: [text(item['link']).trim(), guid.trim()].find((url) => isWebUrl(url)),
    categories: list(item['category']).map(text),
    published: toIsoDate(text(item['pubDate'] ?? item['dc:date']) || undefined),
  };
}

function atomLink(links: unknown): string | undefined {
  const nodes = list(links).filter(isNode);
  const preferred = nodes.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? nodes[0];
  const href = preferred === undefined ? '' : text(preferred['@_href']).trim();
  return isWebUrl(href) ? href : undefined;
}

function atomEntry(entry: Node): FeedItem {
  return {
    title: stripHtml(text(entry['title'])),
    summary: stripHtml(text(entry['summary'] ?? entry['content'])),
    link: atomLink(entry['link']),
    categories: list(entry['category']).map((c) => (isNode(c) ? text(c['@_term']) : text(c))),
    published: toIsoDate(text(entry['updated'] ?? entry['published']) || undefined),
  };
}

/**
 * Parses an RSS 2.0 or Atom 1.0 document into its items (at most 1,000); items without a title are skipped.
 * @throws TaskError permanent `source-bad-response` when the text is not well-formed XML, declares entities,
 * or is neither RSS nor Atom. `source` names the feed in the message.
 */
export function parseFeed(xml: string, source: string): FeedItem[] {
  if (/<!ENTITY/i.test(xml)) throw badFeed(source, 'declares XML entities, which are not accepted');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw badFeed(source, `is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const doc: unknown = parser.parse(xml);
  const root = isNode(doc) ? doc : {};
  const rss = root['rss'];
  const feed = root['feed'];
  let items: FeedItem[];
  if (isNode(rss) && rss['channel'] !== undefined) {
    const channel = rss['channel'];
    items = list(isNode(channel) ? channel['item'] : undefined)
      .filter(isNode)
      .map(rssItem);
  } else if (feed !== undefined && (isNode(feed) || typeof feed === 'string')) {
    items = list(isNode(feed) ? feed['entry'] : undefined)
      .filter(isNode)
      .map(atomEntry);
  } else {
    throw badFeed(source, 'is neither an RSS 2.0 nor an Atom document');
  }
  return items.filter((item) => item.title !== '').slice(0, MAX_ITEMS);
}

/**
 * Feed items as packages: title -> name (and id), summary, link -> homepage, categories -> keywords,
 * published -> lastPublished; no downloads (0) and no capability tags. Repeated ids get a `-2`, `-3` suffix.
 */
export function feedItemsToPackages(items: readonly FeedItem[]): PackageRecord[] {
  const ids = new Map<string, number>();
  return items.map((item) => {
    const base = packageIdFromName(item.title);
    const seen = (ids.get(base) ?? 0) + 1;
    ids.set(base, seen);
    return {
      id: seen === 1 ? base : `${base.slice(0, 200)}-${seen}`,
      name: item.title.slice(0, 214),
      summary: item.summary.slice(0, 2_000),
      keywords: cleanKeywords(item.categories),
      monthlyDownloads: 0,
      homepage: item.link,
      lastPublished: item.published,
      features: [],
    };
  });
}
