import type { RankedEntry, Ranking } from '@swarm/contracts';

const component = (score: number, weight: number, rationale: string) => ({ score, weight, rationale });

/** A ranked entry with plausible facts; `overrides` replace top-level fields, `candidate` candidate fields. */
export function rankedEntry(
  rank: number,
  name: string,
  overrides: Partial<Omit<RankedEntry, 'candidate'>> & { candidate?: Partial<RankedEntry['candidate']> } = {},
): RankedEntry {
  const { candidate, ...rest } = overrides;
  return {
    rank,
    score: 0.82,
    candidate: {
      id: name,
      name,
      summary: `${name}: a JetStream client`,
      url: `https://registry.example.com/package/${encodeURIComponent(name)}`,
      keywords: ['nats'],
      monthlyDownloads: 412_000,
      license: 'Apache-2.0',
      version: '3.2.0',
      lastPublished: '2025-10-02',
      searchScore: 0.93,
      ...candidate,
    },
    components: {
      relevance: component(0.95, 0.4, 'Search score 0.93 is 100% of the best (0.93).'),
      adoption: component(0.65, 0.2, '412K downloads a month (log scale, 1K -> 0, 10M -> 1).'),
      freshness: component(0.82, 0.15, 'Last published 2025-10-02 (50 days ago).'),
      coverage: component(0.75, 0.15, '4 features on the scraped page.'),
      license: component(1, 0.1, 'Apache-2.0 is permissive.'),
    },
    rationale: `Ranked #${rank} with 0.82, carried by relevance (0.95) and adoption (0.65).`,
    features: ['work queues', 'key-value'],
    sources: [`https://docs.example.com/${encodeURIComponent(name)}`],
    scraped: true,
    ...rest,
  };
}

/** A ranking of the given entries (ranked in order), 10 candidates considered, nothing missing by default. */
export function ranking(entries: RankedEntry[], overrides: Partial<Ranking> = {}): Ranking {
  return {
    goalId: 'g-7f3a91c2',
    query: 'TypeScript clients for NATS JetStream work queues',
    topN: 5,
    generatedAt: '2025-11-21T09:30:10.000Z',
    weights: { relevance: 0.4, adoption: 0.2, freshness: 0.15, coverage: 0.15, license: 0.1 },
    ranked: entries,
    considered: 10,
    missing: [],
    ...overrides,
  };
}
