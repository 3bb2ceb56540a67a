import { LIMITS } from '@swarm/contracts';
import { GENERIC_WORDS, parseGoalQuery } from './query.js';

describe('parseGoalQuery', () => {
  it('keeps the domain words of "find top 5 agentic AI tools"', () => {
    expect(parseGoalQuery('find top 5 agentic AI tools')).toEqual({ terms: 'agentic ai', requestedTopN: 5 });
  });

  it.each([
    ['Compare the 3 best vector database clients for Node.js', 'vector database clients', 3],
    ['show me ten MCP server frameworks', 'mcp server', 10],
    ['What are good RAG packages?', 'rag', undefined],
    [
      'list me 7 libraries for large language model structured output',
      'large language model structured output',
      7,
    ],
    ['Top-3 multi-agent orchestration SDKs!!!', 'multi agent orchestration sdks workflows', 3],
  ])('reads %j', (text, terms, requestedTopN) => {
    const query = parseGoalQuery(text);
    expect(query.terms).toBe(terms);
    expect(query.requestedTopN).toBe(requestedTopN);
  });

  it('keeps "tool" when it starts a domain phrase', () => {
    expect(parseGoalQuery('best tool calling libraries').terms).toBe('tool calling');
    expect(parseGoalQuery('agent tools').terms).toBe('agent');
  });

  it('drops the generic words of GENERIC_WORDS', () => {
    expect(parseGoalQuery('best frameworks and tools using TypeScript').terms).toBe('typescript');
    expect(parseGoalQuery('official javascript library for building agent apps').terms).toBe('agent');
    for (const word of ['frameworks', 'tools', 'best', 'using', 'library', 'javascript']) {
      expect(GENERIC_WORDS.has(word)).toBe(true);
    }
  });

  it('keeps domain words out of GENERIC_WORDS', () => {
    for (const word of [
      'agent',
      'ai',
      'rag',
      'vector',
      'mcp',
      'sdk',
      'server',
      'client',
      'typescript',
      'kit',
    ]) {
      expect(GENERIC_WORDS.has(word)).toBe(false);
    }
  });

  it('adds the capability tags a goal names in its own words', () => {
    expect(parseGoalQuery('give my chatbot long-term recall')).toEqual({
      terms: 'chatbot long term recall memory',
      capabilities: ['memory'],
    });
    expect(parseGoalQuery('top 3 packages for testing LLM answers')).toEqual({
      terms: 'testing llm answers evals',
      requestedTopN: 3,
      capabilities: ['evals'],
    });
    expect(parseGoalQuery('retrieval augmented chat over PDFs').capabilities).toEqual(['rag']);
    expect(parseGoalQuery('a Model Context Protocol server').capabilities).toEqual(['mcp']);
  });

  it('does not repeat a tag word the goal already holds', () => {
    expect(parseGoalQuery('find 5 evals tools')).toEqual({
      terms: 'evals',
      requestedTopN: 5,
      capabilities: ['evals'],
    });
  });

  it('drops bare numbers but keeps words with digits', () => {
    expect(parseGoalQuery('llama3 and gpt-4o clients 2025').terms).toBe('llama3 gpt 4o clients');
  });

  it('clamps the requested count to the topN limit and ignores zero', () => {
    expect(parseGoalQuery('top 100 llm observability').requestedTopN).toBe(LIMITS.topNMax);
    expect(parseGoalQuery('top 0 llm observability')).toEqual({
      terms: 'llm observability',
      capabilities: ['observability'],
    });
  });

  it('keeps the instruction words when nothing else is left', () => {
    expect(parseGoalQuery('find the best tools').terms).toBe('find best tools');
  });

  it('returns empty terms for text without words', () => {
    expect(parseGoalQuery(' 5 ?! ').terms).toBe('');
  });

  it('treats object property names as ordinary words', () => {
    expect(parseGoalQuery('constructor toString').terms).toBe('constructor tostring');
  });
});
