import { z } from 'zod';

/**
 * The fixed capability vocabulary of the corpus (`features` of each entry), as derived by the corpus build.
 * See `data/README.md` for what matches each tag.
 */
export const CORPUS_FEATURES = [
  'tool-calling',
  'multi-agent',
  'rag',
  'chunking',
  'vector-store',
  'embeddings',
  'memory',
  'streaming',
  'structured-output',
  'mcp',
  'workflows',
  'observability',
  'evals',
  'prompt-management',
  'browser-automation',
  'web-scraping',
  'code-generation',
  'typescript',
  'local-models',
  'multimodal',
  'voice',
  'guardrails',
] as const;
/** One capability tag of the corpus vocabulary. */
export type CorpusFeature = (typeof CORPUS_FEATURES)[number];

/** Each capability tag as a human sentence, as the documentation pages show it. */
export const FEATURE_LABELS: Readonly<Record<CorpusFeature, string>> = {
  'tool-calling': 'Tool calling (function calling)',
  'multi-agent': 'Multi-agent orchestration',
  rag: 'Retrieval-augmented generation (RAG)',
  chunking: 'Text splitting and chunking',
  'vector-store': 'Vector store integration',
  embeddings: 'Text embeddings',
  memory: 'Conversation memory and persistence',
  streaming: 'Streaming responses',
  'structured-output': 'Structured output (JSON Schema, Zod)',
  mcp: 'Model Context Protocol (MCP)',
  workflows: 'Workflows and orchestration',
  observability: 'Observability and tracing',
  evals: 'Evaluations and testing of LLM output',
  'prompt-management': 'Prompt templates and management',
  'browser-automation': 'Browser automation',
  'web-scraping': 'Web scraping, crawling and web search',
  'code-generation': 'Code generation and coding assistants',
  typescript: 'First-class TypeScript support',
  'local-models': 'Local model inference',
  multimodal: 'Multimodal input and output',
  voice: 'Voice and speech',
  guardrails: 'Guardrails and safety',
};

const webUrl = z.url({ protocol: /^https?$/ }).max(2_000);

/**
 * One corpus entry: public package metadata as described in `data/README.md`. `id` is the name's slug
 * (`@langchain/core` -> `langchain__core`) and is safe as a URL path segment.
 */
export const CorpusPackage = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(214)
    .regex(/^[a-z0-9][a-z0-9._-]*$/, 'id must be a lower-case slug'),
  name: z.string().min(1).max(214),
  summary: z.string().min(1).max(2_000),
  keywords: z.array(z.string().min(1).max(100)).max(32),
  monthlyDownloads: z.int().min(0),
  license: z.string().min(1).max(100).optional(),
  version: z.string().min(1).max(64).optional(),
  lastPublished: z.iso.date().optional(),
  homepage: webUrl.optional(),
  repository: webUrl.optional(),
  features: z.array(z.enum(CORPUS_FEATURES)),
});
/** One corpus entry. */
export type CorpusPackage = z.infer<typeof CorpusPackage>;
