import { PageExtract } from '@swarm/contracts';
import { withPageFacts } from './model-scraper-brain.js';

const extract: PageExtract = {
  url: 'https://tool.example/docs',
  finalUrl: 'https://tool.example/docs/',
  title: 'Tool',
  description: 'A tool',
  text: 'Tool works with Redis. It handles 30k requests per second.',
  features: ['from code'],
  license: 'MIT',
  fetchedAt: '2025-11-21T05:49:00.000Z',
  bytes: 100,
};

describe('withPageFacts', () => {
  it("replaces the features with the model's, adds integrations and claims, and keeps the rest", () => {
    const merged = withPageFacts(extract, {
      features: ['request  handling'],
      integrations: [' Redis '],
      claims: [{ claim: 'fast', quote: '30k requests\nper second' }],
    });
    expect(merged).toEqual({
      ...extract,
      features: ['request handling'],
      integrations: ['Redis'],
      claims: [{ claim: 'fast', quote: '30k requests per second' }],
    });
    expect(PageExtract.parse(merged)).toEqual(merged);
    expect(merged.text).toContain(merged.claims?.[0]?.quote);
  });
});
