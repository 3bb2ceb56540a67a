import { planTerms } from './model-search-brain.js';

describe('planTerms', () => {
  it('joins the must then should terms, trimmed and once each', () => {
    expect(
      planTerms({
        topic: 't',
        count: 5,
        must: [' agent ', 'tool  calling'],
        should: ['agent', 'mcp', ''],
        capabilityTags: ['rag'],
        exclude: ['python'],
      }),
    ).toBe('agent tool calling mcp');
  });
});
