import { capabilityFocus, fieldTerms, matchConcepts } from './concept-match.js';
import { goalConcepts } from './goal-concepts.js';

describe('goalConcepts', () => {
  it('reads a capability named in the user words and the topic words left, each once', () => {
    const concepts = goalConcepts('give my assistant long-term recall');
    expect(concepts.map((concept) => [concept.label, concept.kind])).toEqual([
      ['memory', 'capability'],
      ['assistant', 'word'],
    ]);
  });

  it('drops generic and filler words', () => {
    expect(goalConcepts('find the best tools').length).toBeGreaterThan(0);
    expect(goalConcepts('let me see the best MCP SDK').map((concept) => concept.label)).toEqual([
      'mcp',
      'sdk',
    ]);
  });
});

describe('matchConcepts', () => {
  const concepts = goalConcepts('vector database client for Rust');

  it('counts a concept once at its best field, so repeating a word earns nothing', () => {
    const once = matchConcepts(concepts, fieldTerms({ summary: 'A vector database client' }));
    const stuffed = matchConcepts(
      concepts,
      fieldTerms({ summary: 'vector vector vectors database databases client clients vector db' }),
    );
    expect(stuffed.score).toBe(once.score);
    expect(stuffed.share).toBe(once.share);
  });

  it('scores a concept met in the name above the same concept met in the description', () => {
    const inName = matchConcepts(concepts, fieldTerms({ name: 'rust-client' }));
    const inSummary = matchConcepts(concepts, fieldTerms({ summary: 'rust client' }));
    expect(inName.share).toBe(inSummary.share);
    expect(inName.score).toBeGreaterThan(inSummary.score);
  });

  it('names the concepts missed', () => {
    const match = matchConcepts(concepts, fieldTerms({ summary: 'A vector database' }));
    expect(match.missed.map((concept) => concept.label)).toEqual(['client', 'rust']);
  });

  it('counts the capabilities a goal names as one group for the floor share', () => {
    const pipeline = goalConcepts('vector database with embeddings');
    expect(pipeline.filter((concept) => concept.kind === 'capability').map((c) => c.label)).toEqual([
      'vector-store',
      'embeddings',
    ]);
    const store = matchConcepts(
      pipeline,
      fieldTerms({ summary: 'a vector database', features: 'vector store' }),
    );
    expect(store.share).toBe(1);
  });

  it('leaves a capability named only in a context clause out of the concepts', () => {
    const splitting = goalConcepts('cut long documents into pieces before embedding them');
    expect(splitting.filter((concept) => concept.kind === 'capability').map((c) => c.label)).toEqual([
      'chunking',
    ]);
    expect(splitting.map((concept) => concept.label)).not.toContain('embedding');
  });

  it('has a share of 1 for a goal without concepts', () => {
    expect(matchConcepts([], fieldTerms({ summary: 'anything' }))).toMatchObject({ share: 1, score: 1 });
  });
});

describe('capabilityFocus', () => {
  const concepts = goalConcepts('LLM evaluation');

  it('is the share of the features that are capabilities the goal names', () => {
    expect(capabilityFocus(concepts, ['Evaluations and testing of LLM output'])).toBe(1);
    expect(
      capabilityFocus(concepts, [
        'Evaluations and testing of LLM output',
        'Text embeddings',
        'Voice and speech',
      ]),
    ).toBeCloseTo(1 / 3, 10);
  });

  it('counts a companion of an asked capability as half: vector stores for RAG', () => {
    const rag = goalConcepts('retrieval augmented generation');
    expect(
      capabilityFocus(rag, ['Retrieval-augmented generation (RAG)', 'Vector store integration']),
    ).toBeCloseTo(0.75, 10);
    expect(capabilityFocus(rag, ['Retrieval-augmented generation (RAG)', 'Voice and speech'])).toBeCloseTo(
      0.5,
      10,
    );
  });

  it('is undefined without capability concepts or features', () => {
    expect(capabilityFocus(goalConcepts('GPT tokenizer'), ['Voice and speech'])).toBeUndefined();
    expect(capabilityFocus(concepts, [])).toBeUndefined();
  });
});
