import { LIMITS } from '@swarm/contracts';
import { parseGoalQuery } from './query.js';

describe('parseGoalQuery', () => {
  it('keeps the domain words of "find top 5 agentic AI tools"', () => {
    expect(parseGoalQuery('find top 5 agentic AI tools')).toEqual({ terms: 'agentic ai', requestedTopN: 5 });
  });

  it.each([
    ['Compare the 3 best vector database clients for Node.js', 'vector database clients node js', 3],
    ['show me ten MCP server frameworks', 'mcp server frameworks', 10],
    ['What are good RAG packages?', 'rag', undefined],
    [
      'list me 7 libraries for large language model structured output',
      'large language model structured output',
      7,
    ],
    ['Top-3 multi-agent orchestration SDKs!!!', 'multi agent orchestration sdks', 3],
  ])('reads %j', (text, terms, requestedTopN) => {
    const query = parseGoalQuery(text);
    expect(query.terms).toBe(terms);
    expect(query.requestedTopN).toBe(requestedTopN);
  });

  it('keeps "tool" when it starts a domain phrase', () => {
    expect(parseGoalQuery('best tool calling libraries').terms).toBe('tool calling');
    expect(parseGoalQuery('agent tools').terms).toBe('agent');
  });

  it('drops bare numbers but keeps words with digits', () => {
    expect(parseGoalQuery('llama3 and gpt-4o clients 2025').terms).toBe('llama3 gpt 4o clients');
  });

  it('clamps the requested count to the topN limit and ignores zero', () => {
    expect(parseGoalQuery('top 100 llm observability').requestedTopN).toBe(LIMITS.topNMax);
    expect(parseGoalQuery('top 0 llm observability')).toEqual({ terms: 'llm observability' });
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
