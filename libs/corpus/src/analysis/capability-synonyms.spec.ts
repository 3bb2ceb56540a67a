import { loadCorpus } from '../corpus-loader.js';
import { addCapabilityWords, CAPABILITY_SYNONYMS, capabilitiesIn, tagWords } from './capability-synonyms.js';

describe('CAPABILITY_SYNONYMS', () => {
  it('names only tags that occur in the shipped corpus', () => {
    const tags = new Set(loadCorpus().flatMap((pkg) => pkg.features));
    for (const { tag } of CAPABILITY_SYNONYMS) expect(tags).toContain(tag);
  });
});

describe('capabilitiesIn', () => {
  it.each([
    ['long-term recall for a chatbot', ['memory']],
    ['an evaluation harness', ['evals']],
    ['testing llm answers', ['evals']],
    ['retrieval augmented answers over my docs', ['rag']],
    ['model context protocol', ['mcp']],
    ['automate the browser', ['browser-automation']],
    ['json output from a model', ['structured-output']],
    ['trace and monitor llm calls', ['observability']],
    ['run models locally', ['local-models']],
    ['check whether my llm answers are right', ['evals']],
    ['cut long documents into pieces', ['chunking']],
    ['run untrusted code in isolation', ['guardrails', 'code-generation']],
  ])('reads %j as %j', (text, tags) => {
    expect(capabilitiesIn(text)).toEqual(tags);
  });

  it('finds nothing in text about something else', () => {
    expect(capabilitiesIn('javascript charting')).toEqual([]);
  });
});

describe('addCapabilityWords', () => {
  it('appends the tag words once', () => {
    expect(addCapabilityWords('a headless browser or headless chrome')).toBe(
      'a headless browser or headless chrome browser automation',
    );
  });

  it('leaves text that already holds the tag words as it is', () => {
    expect(addCapabilityWords('browser automation with headless chrome')).toBe(
      'browser automation with headless chrome',
    );
    expect(addCapabilityWords('plain words')).toBe('plain words');
  });

  it('reads a kebab-case tag as words', () => {
    expect(tagWords('structured-output')).toBe('structured output');
  });
});
