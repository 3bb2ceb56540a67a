import { CorpusPackage } from './corpus-package.js';
import { loadCorpus, parseCorpus } from './corpus-loader.js';
import { InvalidCorpusError } from './errors.js';

const entry = {
  id: 'acme__agent',
  name: '@acme/agent',
  summary: 'An agent.',
  keywords: ['agent'],
  monthlyDownloads: 10,
  features: ['multi-agent'],
};

describe('loadCorpus', () => {
  it('loads the shipped corpus of about 300 valid entries', () => {
    const corpus = loadCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(250);
    expect(corpus.length).toBeLessThanOrEqual(350);
    for (const pkg of corpus) expect(CorpusPackage.safeParse(pkg).success).toBe(true);
  });

  it('has unique ids that are slugs of the names', () => {
    const corpus = loadCorpus();
    expect(new Set(corpus.map((pkg) => pkg.id)).size).toBe(corpus.length);
    for (const pkg of corpus) {
      expect(pkg.id).toBe(pkg.name.replace(/^@/, '').replace('/', '__').toLowerCase());
    }
  });

  it('includes well-known packages', () => {
    const names = new Set(loadCorpus().map((pkg) => pkg.name));
    for (const name of ['openai', '@langchain/langgraph', '@modelcontextprotocol/sdk', 'chromadb']) {
      expect(names.has(name)).toBe(true);
    }
  });

  it('returns the same frozen array on every call', () => {
    const corpus = loadCorpus();
    expect(loadCorpus()).toBe(corpus);
    expect(Object.isFrozen(corpus)).toBe(true);
    expect(Object.isFrozen(corpus[0])).toBe(true);
  });
});

describe('parseCorpus', () => {
  it('accepts valid entries', () => {
    expect(parseCorpus([entry])).toEqual([entry]);
  });

  it('names the bad entry and field', () => {
    expect(() => parseCorpus([entry, { ...entry, id: 'b', monthlyDownloads: -1 }])).toThrow(
      /corpus entry at "1\.monthlyDownloads" is invalid/,
    );
  });

  it('rejects a feature outside the vocabulary', () => {
    expect(() => parseCorpus([{ ...entry, features: ['teleportation'] }])).toThrow(InvalidCorpusError);
  });

  it('rejects a repeated id', () => {
    expect(() => parseCorpus([entry, { ...entry }])).toThrow(
      'corpus id "acme__agent" appears more than once',
    );
  });
});
