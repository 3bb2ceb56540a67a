import { Ranking } from '@swarm/contracts';
import { termStats } from '@swarm/corpus';
import { rankCandidates } from './rank-candidates.js';
import { candidate, focused, offTopic, popular, rankInput, scraped } from './testing/rank-input.fixture.js';

const names = (ranking: Ranking) => ranking.ranked.map((entry) => entry.candidate.name);

describe('rankCandidates: the relevance floor', () => {
  it('does not rank a popular candidate that meets too little of the goal, and lists it as a near miss', () => {
    const ranking = rankCandidates(rankInput([offTopic, focused, popular], {}));
    expect(names(ranking)).toEqual(['focused', 'popular']);
    expect(ranking.nearMisses).toEqual([
      {
        candidateId: 'off-topic',
        name: 'off-topic',
        url: offTopic.url,
        reason: expect.stringMatching(
          /^meets 17% of the goal's 6 concepts, below the floor of 50% \(typescript in keywords; not clients, nats, jetstream/,
        ) as string,
      },
    ]);
  });

  it('keeps a candidate below the floor out even when the goal weighs adoption only', () => {
    const ranking = rankCandidates(
      rankInput([offTopic, focused], {}, { weights: { relevance: 0, adoption: 10 } }),
    );
    expect(names(ranking)).toEqual(['focused']);
  });

  it('ends with an empty ranking and the closest misses, closest first, when nothing clears the floor', () => {
    const cooking = candidate('cooking', { summary: 'Recipes and meal plans' });
    const ranking = rankCandidates(rankInput([cooking, offTopic], {}));
    expect(ranking.ranked).toEqual([]);
    expect(ranking.nearMisses?.map((miss) => miss.name)).toEqual(['off-topic', 'cooking']);
    expect(() => Ranking.parse(ranking)).not.toThrow();
  });

  it('applies the floor to a model grade: a candidate graded 0 is a near miss with the model reason', () => {
    const ranking = rankCandidates({
      ...rankInput([focused, popular], {}),
      relevanceGrades: { popular: { grade: 0, rationale: 'An HTTP server.' } },
    });
    expect(names(ranking)).toEqual(['focused']);
    expect(ranking.nearMisses?.[0]?.reason).toBe(
      'graded 0 of 3 by the model, below the floor of 1: An HTTP server.',
    );
  });
});

describe('rankCandidates: package families', () => {
  const family = (name: string, searchScore: number) =>
    candidate(name.replace(/[@/]/g, ''), {
      name,
      searchScore,
      summary: 'TypeScript client for NATS JetStream work queues',
    });

  it('gives one family one place, led by its main package, the siblings listed under it', () => {
    const sub = family('@nats/jetstream-queues', 0.9);
    const main = family('@nats/jetstream', 0.5);
    const ranking = rankCandidates(rankInput([sub, main, focused], {}));
    expect(names(ranking)).toEqual(['@nats/jetstream', 'focused']);
    expect(ranking.ranked[0]?.family).toEqual([
      { candidateId: sub.id, name: '@nats/jetstream-queues', score: expect.any(Number) as number },
    ]);
    expect(ranking.ranked[0]?.rationale).toContain(
      'Leads its package family; also in it: @nats/jetstream-queues',
    );
    expect(() => Ranking.parse(ranking)).not.toThrow();
  });
});

describe('rankCandidates: deprecated packages', () => {
  it('sinks a package that declares itself deprecated and names its successor', () => {
    const old = candidate('nats-old', {
      summary: 'Deprecated TypeScript client for NATS JetStream work queues. Use nats-new instead.',
      monthlyDownloads: 5_000_000,
    });
    const successor = candidate('nats-new', {
      summary: 'TypeScript client for NATS JetStream work queues',
      monthlyDownloads: 50_000,
    });
    const ranking = rankCandidates(rankInput([old, successor], {}));
    expect(names(ranking)).toEqual(['nats-new', 'nats-old']);
    expect(ranking.ranked[1]?.rationale).toContain('Declared deprecated by its description');
    expect(ranking.ranked[1]?.rationale).toContain('Its successor: nats-new.');
  });
});

describe('rankCandidates: keyword stuffing', () => {
  it('does not lift a candidate for repeating the goal words in its keywords', () => {
    const plain = candidate('plain', { summary: 'TypeScript client for NATS JetStream work queues' });
    const stuffed = candidate('stuffed', {
      summary: 'TypeScript client for NATS JetStream work queues',
      keywords: ['nats', 'nats-client', 'NATS', 'jetstream', 'jet-stream', 'queue', 'queues', 'work-queue'],
    });
    const plainEntry = rankCandidates(rankInput([plain], { plain: scraped(plain) })).ranked[0]!;
    const stuffedEntry = rankCandidates(rankInput([stuffed], { stuffed: scraped(stuffed) })).ranked[0]!;
    expect(stuffedEntry.components.relevance.score - plainEntry.components.relevance.score).toBeLessThan(0.1);
    expect(stuffedEntry.components.coverage.score).toBe(plainEntry.components.coverage.score);
  });
});

describe('rankCandidates: the rarity floor', () => {
  // A domain where every package says "server" and one says "websocket".
  const domainStats = termStats([
    ...Array.from({ length: 12 }, (_, i) => ({
      name: `mcp-server-${i}`,
      summary: 'An MCP server',
      keywords: [],
    })),
    { name: 'ws-bridge', summary: 'Bridges MCP over websocket', keywords: [] },
  ]);
  const mcpServer = candidate('mcp-server-1', { summary: 'An MCP server' });
  const bridge = candidate('ws-bridge', { summary: 'Bridges MCP over websocket' });

  it('ends nothing-found when candidates meet only the goal common word, and says so', () => {
    const input = { ...rankInput([mcpServer], {}), query: 'websocket server', termStats: domainStats };
    const ranking = rankCandidates(input);
    expect(ranking.ranked).toEqual([]);
    expect(ranking.nearMisses?.[0]?.reason).toMatch(
      /^meets 50% of the goal's 2 concepts but only \d+% with its words weighed by their rarity in the corpus, below the floor of 35%/,
    );
  });

  it('ranks the same candidate without corpus statistics, and a candidate that meets the rare word with them', () => {
    expect(names(rankCandidates({ ...rankInput([mcpServer], {}), query: 'websocket server' }))).toEqual([
      'mcp-server-1',
    ]);
    const input = {
      ...rankInput([mcpServer, bridge], {}),
      query: 'websocket server',
      termStats: domainStats,
    };
    expect(names(rankCandidates(input))).toEqual(['ws-bridge']);
  });
});
