import { z } from 'zod';

/** Bounds of the model's page facts (within what the PageExtract contract allows). */
export const PAGE_FACTS_LIMITS = {
  featuresMax: 32,
  integrationsMax: 32,
  /** Longest feature or integration name. */
  nameMaxChars: 100,
  claimsMax: 16,
  claimMaxChars: 300,
  quoteMaxChars: 500,
} as const;

const Name = z.string().max(PAGE_FACTS_LIMITS.nameMaxChars);

/** One claim the page makes about its tool, with the words of the page that support it. */
export const PageFactClaim = z.strictObject({
  claim: z.string().max(PAGE_FACTS_LIMITS.claimMaxChars),
  quote: z.string().max(PAGE_FACTS_LIMITS.quoteMaxChars),
});

/** What the scraper's model extracts from a page's text (prompt `scraper.facts@1`). */
export const PageFacts = z.strictObject({
  /** What the tool does, as short feature names. */
  features: z.array(Name).max(PAGE_FACTS_LIMITS.featuresMax),
  /** Other tools, services and providers the page says it works with. */
  integrations: z.array(Name).max(PAGE_FACTS_LIMITS.integrationsMax),
  /** Claims the page makes, each with a verbatim quote from the page text. */
  claims: z.array(PageFactClaim).max(PAGE_FACTS_LIMITS.claimsMax),
});
/** The model's page facts. */
export type PageFacts = z.infer<typeof PageFacts>;
