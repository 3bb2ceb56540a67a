import { parseGoalQuery } from './goal-query.js';

describe('parseGoalQuery', () => {
  it('keeps the topic words and the count of a plain goal', () => {
    expect(parseGoalQuery('find top 5 agentic AI tools')).toEqual({ terms: 'agentic ai', requestedTopN: 5 });
  });

  it('reads a capability named only after "before" as context: neither asked for nor searched', () => {
    const query = parseGoalQuery('cut long documents into pieces before embedding them');
    expect(query.capabilities).toEqual(['chunking']);
    expect(query.terms.split(' ')).not.toContain('embedding');
    expect(query.terms.split(' ')).toContain('documents');
  });

  it('reads "after" clauses the same way', () => {
    expect(
      parseGoalQuery('a vector database for my texts after splitting the documents').capabilities,
    ).toEqual(['vector-store']);
  });

  it('keeps a context capability when the text before the clause names none', () => {
    expect(parseGoalQuery('what to use before embedding documents').capabilities).toEqual(['embeddings']);
  });

  it('keeps every capability of a goal without a context clause', () => {
    expect(parseGoalQuery('top 4 MCP servers for browser automation').capabilities).toEqual([
      'browser-automation',
      'mcp',
    ]);
  });
});
