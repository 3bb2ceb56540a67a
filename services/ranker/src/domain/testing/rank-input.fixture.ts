import type { Candidate, PageClaim, ScrapeOutcome } from '@swarm/contracts';
import type { RankInput } from '../rank-candidates.js';

/** The clock every fixture ranks at. */
export const NOW = new Date('2025-11-21T09:30:00.000Z');
/** The query every fixture ranks for. */
export const QUERY = 'TypeScript clients for NATS JetStream work queues';

/** A candidate with plain facts; `overrides` replace any field. */
export function candidate(id: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id,
    name: id,
    summary: `${id}: a TypeScript client for NATS`,
    url: `https://example.com/${id}`,
    keywords: [],
    monthlyDownloads: 10_000,
    license: 'MIT',
    lastPublished: '2025-11-01',
    searchScore: 0.5,
    ...overrides,
  };
}

/** A successful scrape of `c`'s page with the given text, features and claims. */
export function scraped(
  c: Candidate,
  page: { text?: string; features?: string[]; claims?: PageClaim[]; description?: string } = {},
): ScrapeOutcome {
  return {
    ok: true,
    candidateId: c.id,
    taskId: `g1.scrape.${c.id}`,
    extract: {
      url: c.url,
      finalUrl: `${c.url}/docs`,
      title: c.name,
      description: page.description ?? c.summary,
      text: page.text ?? '',
      features: page.features ?? [],
      ...(page.claims ? { claims: page.claims } : {}),
      fetchedAt: '2025-11-21T09:30:00.000Z',
      bytes: 1_000,
    },
  };
}

/** A failed scrape of `c`'s page. */
export function failed(c: Candidate, message: string): ScrapeOutcome {
  return {
    ok: false,
    candidateId: c.id,
    taskId: `g1.scrape.${c.id}`,
    url: c.url,
    error: { code: 'fetch-failed', message, retryable: false },
  };
}

/** A rank input for goal `g1` over `candidates`, top 5, at `NOW`. */
export function rankInput(
  candidates: Candidate[],
  outcomes: RankInput['outcomes'],
  extra: Partial<RankInput> = {},
): RankInput {
  return { goalId: 'g1', query: QUERY, topN: 5, candidates, outcomes, now: NOW, ...extra };
}

/** "popular": heavily downloaded, barely relevant (meets half the query: typescript, client, nats). */
export const popular = candidate('popular', {
  monthlyDownloads: 12_500_000,
  searchScore: 0.3,
  summary: 'HTTP server, with a NATS client for TypeScript',
});
/** "offTopic": heavily downloaded, meets nothing of the query but "typescript" (below the relevance floor). */
export const offTopic = candidate('off-topic', {
  monthlyDownloads: 50_000_000,
  searchScore: 0.2,
  summary: 'A TypeScript HTTP server',
  keywords: ['http', 'server', 'typescript', 'typescript', 'types', 'typed'],
});
/** "focused": exactly what was asked, little used. */
export const focused = candidate('focused', {
  monthlyDownloads: 2_000,
  searchScore: 0.9,
  summary: 'TypeScript NATS JetStream client for work queues',
});

/** Both candidates scraped: `focused`'s page matches the query, `popular`'s does not. */
export const twoCandidates: RankInput = rankInput([popular, focused], {
  popular: scraped(popular, { text: 'a fast http server', features: ['routing', 'middleware'] }),
  focused: scraped(focused, {
    text: 'TypeScript clients for NATS JetStream with work queues',
    features: ['jetstream', 'work queues', 'typescript types'],
    claims: [{ claim: 'Pulls work from JetStream queues', quote: 'with work queues' }],
  }),
});
