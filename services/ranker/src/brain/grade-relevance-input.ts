import type { Candidate, ScrapeOutcome } from '@swarm/contracts';

/**
 * How much of a candidate the grading prompt shows (so the input stays compact): each fact is cut to
 * `factChars` characters (the page text excerpt to `pageTextChars`), and at most `keywords` keywords,
 * `features` features, `integrations` integrations and `claims` claims are listed.
 */
export const FACT_LIMITS = {
  factChars: 300,
  pageTextChars: 600,
  keywords: 15,
  features: 15,
  integrations: 10,
  claims: 8,
} as const;

/** Most candidates one grading call sees; a goal with more is graded in batches of this size, in order. */
export const GRADE_BATCH_SIZE = 20;

/** One candidate as the grading prompt lists it: its id and its facts, numbered `F1`..`Fn`. */
export interface CandidateFacts {
  readonly id: string;
  readonly facts: Readonly<Record<string, string>>;
}

/** The grading prompt's input: the goal and the candidates to grade. */
export interface GradeRelevanceInput {
  readonly goal: string;
  readonly candidates: readonly CandidateFacts[];
}

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function list(items: readonly string[], max: number): string {
  const kept = items.map((item) => item.replace(/\s+/g, ' ').trim()).filter((item) => item !== '');
  return kept.slice(0, max).join('; ');
}

/**
 * A candidate's facts, in this order and numbered from F1: name, registry summary, keywords; then, when the
 * page was scraped, its title, description, features, integrations, each claim, and the start of its text;
 * when it was not, a fact saying so. Empty facts are left out. Pure.
 */
export function candidateFacts(candidate: Candidate, outcome: ScrapeOutcome | undefined): CandidateFacts {
  const { factChars } = FACT_LIMITS;
  const texts: string[] = [`name: ${candidate.name}`];
  const add = (label: string, value: string, max: number = factChars) => {
    if (value.trim() !== '') texts.push(cut(`${label}: ${value}`, max));
  };
  add('registry summary', candidate.summary);
  add('registry keywords', list(candidate.keywords, FACT_LIMITS.keywords));
  const extract = outcome?.ok ? outcome.extract : undefined;
  if (extract) {
    add('page title', extract.title);
    add('page description', extract.description);
    add('page features', list(extract.features, FACT_LIMITS.features));
    add('page integrations', list(extract.integrations ?? [], FACT_LIMITS.integrations));
    for (const claim of (extract.claims ?? []).slice(0, FACT_LIMITS.claims)) add('page claim', claim.claim);
    add('page text', extract.text, FACT_LIMITS.pageTextChars);
  } else {
    texts.push('page: not scraped, only the registry metadata is known');
  }
  return { id: candidate.id, facts: Object.fromEntries(texts.map((text, i) => [`F${i + 1}`, text])) };
}

/**
 * The grading inputs for a goal: every candidate with its facts, in candidate order, split into batches of
 * at most `GRADE_BATCH_SIZE` (one model call each). Pure.
 */
export function gradeRelevanceInputs(
  goal: string,
  candidates: readonly Candidate[],
  outcomes: Readonly<Record<string, ScrapeOutcome | undefined>>,
  batchSize: number = GRADE_BATCH_SIZE,
): GradeRelevanceInput[] {
  const all = candidates.map((candidate) => candidateFacts(candidate, outcomes[candidate.id]));
  const batches: GradeRelevanceInput[] = [];
  for (let start = 0; start < all.length; start += batchSize) {
    batches.push({ goal, candidates: all.slice(start, start + batchSize) });
  }
  return batches;
}
