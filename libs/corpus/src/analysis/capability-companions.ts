/**
 * Capabilities that are part of another one's usual toolset: a RAG framework stores and embeds documents, a
 * vector store client embeds, tracing and evaluating LLM calls go together. A package that lists a companion of
 * a capability a goal asks for is not less focused on it for that (the ranker's focus counts companions as half a
 * match), unlike a framework listing unrelated capabilities. Symmetric where the relation is.
 *
 * Keep the table to relations that hold in general, for any goal: never to lift one package for one goal.
 */
export const CAPABILITY_COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  rag: ['vector-store', 'embeddings', 'chunking'],
  chunking: ['rag', 'embeddings'],
  'vector-store': ['embeddings', 'rag'],
  embeddings: ['vector-store', 'rag', 'chunking'],
  observability: ['evals'],
  evals: ['observability'],
  'multi-agent': ['workflows', 'tool-calling'],
  workflows: ['multi-agent'],
  'browser-automation': ['tool-calling'],
  // A scraper may drive a browser to read a page; a browser automation goal does not want a search API.
  'web-scraping': ['browser-automation'],
  voice: ['streaming', 'multimodal'],
};

/** Whether `tag` is a companion of the capability `asked` ({@link CAPABILITY_COMPANIONS}). Pure. */
export function isCompanionCapability(asked: string, tag: string): boolean {
  return CAPABILITY_COMPANIONS[asked]?.includes(tag) ?? false;
}
