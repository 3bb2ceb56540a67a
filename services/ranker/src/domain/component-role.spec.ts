import { componentRelevance } from './component-role.js';
import { COMPONENT_SETTINGS } from './scoring-settings.js';

const relevance = { score: 0.8, rationale: 'Search score 1.00 is 100% of the best.' };
const integration = {
  name: '@langchain/weaviate',
  summary: 'Weaviate integration for LangChain.js',
  keywords: [],
};

describe('componentRelevance', () => {
  it('lowers the relevance of a component the goal does not ask for, and says why', () => {
    const scored = componentRelevance(relevance, 'vector database clients', integration);
    expect(scored.score).toBeCloseTo(0.8 * COMPONENT_SETTINGS.relevanceFactor);
    expect(scored.rationale).toContain('an integration of one product into another ("integration for")');
  });

  it('leaves a component alone when the goal names its kind', () => {
    expect(componentRelevance(relevance, 'LangChain integrations for vector stores', integration)).toBe(
      relevance,
    );
  });

  it('leaves a whole tool alone', () => {
    const tool = { name: 'weaviate-client', summary: 'JS/TS client for Weaviate', keywords: ['weaviate'] };
    expect(componentRelevance(relevance, 'vector database clients', tool)).toBe(relevance);
  });

  it('lowers a tokenizer for a cost goal but not for a tokenizer goal', () => {
    const tokenizer = { name: 'gpt-tokenizer', summary: 'A BPE tokenizer with pricing', keywords: [] };
    expect(componentRelevance(relevance, 'see what each model call cost', tokenizer).score).toBeLessThan(0.8);
    expect(componentRelevance(relevance, 'GPT tokenizer', tokenizer)).toBe(relevance);
  });
});
