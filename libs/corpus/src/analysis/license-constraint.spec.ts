import { parseGoalQuery } from './goal-query.js';
import { licenseConstraintIn } from './license-constraint.js';

describe('licenseConstraintIn', () => {
  it('reads a permissive licence asked for in several phrasings', () => {
    for (const text of ['3 permissively licensed vector stores', 'permissive mcp servers'])
      expect(licenseConstraintIn(text)?.wanted).toBe('permissive');
  });

  it('reads a licence asked for by name, with its words', () => {
    expect(licenseConstraintIn('2 mit-licensed typescript frameworks')).toEqual({
      wanted: 'MIT',
      words: ['mit', 'licensed'],
    });
    expect(licenseConstraintIn('agent framework licensed under apache-2.0')?.wanted).toBe('APACHE-2.0');
    expect(licenseConstraintIn('an isc license client')?.wanted).toBe('ISC');
  });

  it('does not read a bare licence name without the word licence', () => {
    expect(licenseConstraintIn('mit tools')).toBeUndefined();
    expect(licenseConstraintIn('vector database clients')).toBeUndefined();
  });
});

describe('parseGoalQuery with a licence', () => {
  it('keeps the licence as a constraint and out of the search terms', () => {
    expect(parseGoalQuery('2 MIT-licensed TypeScript frameworks for building MCP servers')).toEqual({
      terms: 'typescript mcp servers',
      capabilities: ['mcp'],
      license: { wanted: 'MIT', words: ['mit', 'licensed'] },
    });
    expect(parseGoalQuery('agent framework licensed under Apache-2.0').terms).toBe('agent');
  });
});
