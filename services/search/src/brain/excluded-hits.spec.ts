import type { SourceHit } from '../sources/search-source.js';
import { dropExcludedHits } from './excluded-hits.js';

const hit = (name: string, summary = '', keywords: string[] = []): SourceHit => ({
  pkg: { id: name, name, summary, keywords, monthlyDownloads: 0, features: [] },
  score: 1,
  source: 'corpus',
});

const names = (hits: readonly SourceHit[]) => hits.map((h) => h.pkg.name);

describe('dropExcludedHits', () => {
  const hits = [
    hit('@langchain/core', 'building blocks'),
    hit('crewai', 'Python agents in crews'),
    hit('mastra', 'TypeScript agents', ['workflows', 'Vector Store']),
    hit('langchainrb', 'Ruby port'),
  ];

  it('drops hits whose name, summary or keywords contain an exclude term as a whole word', () => {
    expect(names(dropExcludedHits(hits, ['langchain']))).toEqual(['crewai', 'mastra', 'langchainrb']);
    expect(names(dropExcludedHits(hits, ['PYTHON']))).toEqual(['@langchain/core', 'mastra', 'langchainrb']);
    expect(names(dropExcludedHits(hits, ['vector store']))).toEqual([
      '@langchain/core',
      'crewai',
      'langchainrb',
    ]);
  });

  it('keeps every hit for no terms or blank terms', () => {
    expect(names(dropExcludedHits(hits, []))).toEqual(names(hits));
    expect(names(dropExcludedHits(hits, [' ']))).toEqual(names(hits));
  });

  it('treats regular expression characters in a term literally', () => {
    expect(names(dropExcludedHits([hit('a.b'), hit('axb')], ['a.b']))).toEqual(['axb']);
  });
});
