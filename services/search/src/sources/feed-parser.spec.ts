import { TaskError } from '@swarm/transport/errors';
import { feedItemsToPackages, parseFeed } from './feed-parser.js';

/** An RSS 2.0 feed of three tool announcements. */
const RSS_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Agent tooling news</title>
    <link>https://news.example.test/</link>
    <atom:link href="https://news.example.test/feed.xml" rel="self" type="application/rss+xml"/>
    <description>New AI agent tools</description>
    <item>
      <title>OrbitAgent &amp; friends</title>
      <link>https://news.example.test/orbit-agent</link>
      <description>&lt;p&gt;An &lt;b&gt;agent framework&lt;/b&gt; for multi-agent orchestration.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
      <category>agents</category>
      <category domain="tags">AI</category>
      <pubDate>Tue, 10 Nov 2026 08:30:00 GMT</pubDate>
      <guid isPermaLink="false">orbit-1</guid>
    </item>
    <item>
      <title>VectorVault</title>
      <description><![CDATA[A <em>vector database</em> client with hybrid search.]]></description>
      <guid>https://news.example.test/vector-vault</guid>
      <category>vector</category>
      <pubDate>not a date</pubDate>
    </item>
    <item>
      <description>An item without a title is skipped.</description>
    </item>
    <item>
      <title>PromptPal</title>
      <link>https://news.example.test/prompt-pal</link>
      <description>Prompt templates for teams.</description>
    </item>
  </channel>
</rss>`;

/** An Atom 1.0 feed of two entries. */
const ATOM_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Agent releases</title>
  <id>urn:uuid:feed</id>
  <updated>2026-11-12T10:00:00Z</updated>
  <entry>
    <title type="html">Relay &lt;b&gt;MCP&lt;/b&gt; server</title>
    <link rel="alternate" href="https://releases.example.test/relay"/>
    <link rel="edit" href="https://releases.example.test/relay/edit"/>
    <id>urn:uuid:relay</id>
    <updated>2026-11-12T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;A Model Context Protocol server for relays.&lt;/p&gt;</summary>
    <category term="mcp" label="MCP"/>
  </entry>
  <entry>
    <title>Scout</title>
    <link href="https://releases.example.test/scout"/>
    <id>urn:uuid:scout</id>
    <published>2026-10-01T00:00:00+02:00</published>
    <content type="text">Browser automation agent.</content>
  </entry>
</feed>`;

function failure(xml: string): TaskError {
  try {
    parseFeed(xml, 'https://feed.test/x.xml');
  } catch (error) {
    return error as TaskError;
  }
  throw new Error('parseFeed did not throw');
}

describe('parseFeed', () => {
  it('reads RSS 2.0 items as plain text', () => {
    expect(parseFeed(RSS_FEED, 'rss')).toEqual([
      {
        title: 'OrbitAgent & friends',
        summary: 'An agent framework for multi-agent orchestration.',
        link: 'https://news.example.test/orbit-agent',
        categories: ['agents', 'AI'],
        published: '2026-11-10',
      },
      {
        title: 'VectorVault',
        summary: 'A vector database client with hybrid search.',
        link: 'https://news.example.test/vector-vault',
        categories: ['vector'],
        published: undefined,
      },
      {
        title: 'PromptPal',
        summary: 'Prompt templates for teams.',
        link: 'https://news.example.test/prompt-pal',
        categories: [],
        published: undefined,
      },
    ]);
  });

  it('reads Atom entries, preferring the alternate link', () => {
    expect(parseFeed(ATOM_FEED, 'atom')).toEqual([
      {
        title: 'Relay MCP server',
        summary: 'A Model Context Protocol server for relays.',
        link: 'https://releases.example.test/relay',
        categories: ['mcp'],
        published: '2026-11-12',
      },
      {
        title: 'Scout',
        summary: 'Browser automation agent.',
        link: 'https://releases.example.test/scout',
        categories: [],
        published: '2026-09-30',
      },
    ]);
  });

  it('reads an empty feed as no items', () => {
    expect(parseFeed('<rss version="2.0"><channel></channel></rss>', 'rss')).toEqual([]);
    expect(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom')).toEqual([]);
  });

  it.each([
    ['text that is not XML', 'not xml at all <', /is not well-formed XML/],
    ['unclosed tags', '<rss><channel><item><title>x</title></channel></rss>', /is not well-formed XML/],
    ['another XML document', '<html><body>hi</body></html>', /is neither an RSS 2.0 nor an Atom document/],
    [
      'entity declarations',
      '<!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel/></rss>',
      /declares XML entities/,
    ],
  ])('rejects %s as a permanent bad response', (_name, xml, message) => {
    const error = failure(xml);
    expect(error).toBeInstanceOf(TaskError);
    expect(error.retryable).toBe(false);
    expect(error.code).toBe('source-bad-response');
    expect(error.message).toMatch(message);
    expect(error.message).toContain('https://feed.test/x.xml');
  });
});

describe('feedItemsToPackages', () => {
  it('maps items to packages with unique ids', () => {
    const packages = feedItemsToPackages([
      {
        title: 'Scout',
        summary: 'one',
        link: 'https://a.test/1',
        categories: ['AI', 'ai', ' agents '],
        published: '2026-01-02',
      },
      { title: 'scout', summary: 'two', categories: [] },
    ]);
    expect(packages).toEqual([
      {
        id: 'scout',
        name: 'Scout',
        summary: 'one',
        keywords: ['ai', 'agents'],
        monthlyDownloads: 0,
        homepage: 'https://a.test/1',
        lastPublished: '2026-01-02',
        features: [],
      },
      {
        id: 'scout-2',
        name: 'scout',
        summary: 'two',
        keywords: [],
        monthlyDownloads: 0,
        homepage: undefined,
        lastPublished: undefined,
        features: [],
      },
    ]);
  });
});
