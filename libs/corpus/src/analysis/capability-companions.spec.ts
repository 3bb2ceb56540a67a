import { CORPUS_FEATURES } from '../corpus-package.js';
import { CAPABILITY_COMPANIONS, isCompanionCapability } from './capability-companions.js';

describe('CAPABILITY_COMPANIONS', () => {
  it('names only tags of the corpus vocabulary, never a tag as its own companion', () => {
    const tags: readonly string[] = CORPUS_FEATURES;
    for (const [tag, companions] of Object.entries(CAPABILITY_COMPANIONS)) {
      expect(tags).toContain(tag);
      for (const companion of companions) expect(tags).toContain(companion);
      expect(companions).not.toContain(tag);
    }
  });

  it('counts vector stores and embeddings as companions of RAG, not voice', () => {
    expect(isCompanionCapability('rag', 'vector-store')).toBe(true);
    expect(isCompanionCapability('rag', 'embeddings')).toBe(true);
    expect(isCompanionCapability('rag', 'voice')).toBe(false);
    expect(isCompanionCapability('typescript', 'rag')).toBe(false);
  });
});
