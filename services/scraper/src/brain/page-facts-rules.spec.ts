import type { PageFacts } from './page-facts-output.js';
import { validatePageFacts } from './page-facts-rules.js';

const text =
  'Getting started Fastify Lite is a web framework highly focused on providing the best developer experience. ' +
  'Features Highly performant: up to 30k requests per second. Works with Redis and PostgreSQL.';

const facts = (overrides: Partial<PageFacts> = {}): PageFacts => ({
  features: ['web framework', 'hooks'],
  integrations: ['Redis', 'PostgreSQL'],
  claims: [{ claim: 'it is fast', quote: 'up to 30k requests per second' }],
  ...overrides,
});

describe('validatePageFacts', () => {
  it('accepts facts whose quotes occur in the text', () => {
    expect(validatePageFacts(facts(), { text })).toEqual([]);
  });

  it('accepts empty lists', () => {
    expect(validatePageFacts({ features: [], integrations: [], claims: [] }, { text })).toEqual([]);
  });

  it('compares quotes after collapsing whitespace, on either side', () => {
    const quote = 'up to  30k\n requests per second';
    expect(validatePageFacts(facts({ claims: [{ claim: 'fast', quote }] }), { text })).toEqual([]);
    expect(validatePageFacts(facts(), { text: text.replace('30k requests', '30k\n\t requests') })).toEqual(
      [],
    );
  });

  it('refuses a quote that is not in the text, naming it and its claim', () => {
    expect(
      validatePageFacts(
        facts({ claims: [{ claim: 'it is fast', quote: 'up to 50k requests per second' }] }),
        {
          text,
        },
      ),
    ).toEqual([
      'the quote "up to 50k requests per second" of claim "it is fast" does not occur verbatim in the page text: copy the exact words from the text, or drop the claim',
    ]);
  });

  it('compares quotes case-sensitively', () => {
    expect(
      validatePageFacts(facts({ claims: [{ claim: 'fast', quote: 'Up to 30k requests per second' }] }), {
        text,
      }),
    ).toHaveLength(1);
  });

  it('refuses an empty quote and an empty claim', () => {
    expect(validatePageFacts(facts({ claims: [{ claim: 'fast', quote: '  ' }] }), { text })).toEqual([
      'claim "fast" has an empty quote: quote the page text that supports it',
    ]);
    expect(
      validatePageFacts(facts({ claims: [{ claim: ' ', quote: 'up to 30k requests per second' }] }), {
        text,
      }),
    ).toEqual(['claim 1 has no claim text: state the claim']);
  });

  it('refuses an over-long quote and claim', () => {
    const long = 'x'.repeat(501);
    expect(validatePageFacts(facts({ claims: [{ claim: 'fast', quote: long }] }), { text })).toEqual([
      'the quote of claim "fast" is longer than 500 characters: quote a shorter passage',
    ]);
    expect(
      validatePageFacts(
        facts({ claims: [{ claim: 'y'.repeat(301), quote: 'up to 30k requests per second' }] }),
        {
          text,
        },
      ),
    ).toEqual([`claim "${'y'.repeat(60)}…" is longer than 300 characters`]);
  });

  it('refuses empty, over-long and repeated features and integrations', () => {
    expect(
      validatePageFacts(
        facts({ features: ['hooks', '', 'Hooks', 'f'.repeat(101)], integrations: ['Redis', 'redis '] }),
        { text },
      ),
    ).toEqual([
      'feature 2 is empty: drop it or name the feature',
      'feature "Hooks" is listed more than once (case-insensitive): keep one',
      `feature "${'f'.repeat(60)}…" is longer than 100 characters`,
      'integration "redis" is listed more than once (case-insensitive): keep one',
    ]);
  });
});
