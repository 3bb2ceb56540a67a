import { GoalSpec, LIMITS } from '@swarm/contracts';
import { loadCorpus } from '@swarm/corpus';
import { CorpusSource } from '../sources/corpus-source.js';
import { searchAll } from '../sources/search-all.js';
import type { SearchSource } from '../sources/search-source.js';
import { BuiltinSearchBrain } from './builtin-search-brain.js';

describe('BuiltinSearchBrain', () => {
  const corpus = new CorpusSource({ packages: loadCorpus() });
  const brain = new BuiltinSearchBrain();

  it('searches the terms parseGoalQuery reads, exactly as searchAll does', async () => {
    const findings = await brain.search(GoalSpec.parse({ text: 'find top 5 agentic AI tools' }), [corpus]);
    expect(findings.terms).toBe('agentic ai');
    expect(findings.plan).toBeUndefined();
    expect(findings.hits.length).toBeGreaterThan(0);
    expect(findings).toEqual({
      terms: 'agentic ai',
      ...(await searchAll([corpus], 'agentic ai', LIMITS.candidatesMax)),
    });
  });

  it('asks no source when the goal names nothing to search for', async () => {
    const asked: string[] = [];
    const spy: SearchSource = {
      name: 'spy',
      search: (terms) => {
        asked.push(terms);
        return Promise.resolve([]);
      },
    };
    expect(await brain.search(GoalSpec.parse({ text: ' 5 ?! ' }), [spy])).toEqual({
      terms: '',
      hits: [],
      failures: [],
    });
    expect(asked).toEqual([]);
  });
});
