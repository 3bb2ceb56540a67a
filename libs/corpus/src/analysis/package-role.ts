/**
 * What a package *is*, read from its own facts (name, description, keywords), as opposed to what it is about: most
 * packages are a whole tool (a framework, an SDK, a client), but some are a **component** of someone else's tool:
 * an integration of one product into another (`@langchain/weaviate`, `ollama-ai-provider`, an n8n node, a
 * Backstage plugin), a tokenizer or token counter, or a package of constant definitions (OpenTelemetry semantic
 * conventions). A component meets a broad goal's words ("tracing for LLM apps") as well as the tool itself does,
 * but it is rarely what the goal asks for, unless the goal names that kind of component ("an Ollama provider for
 * the AI SDK", "a GPT tokenizer").
 *
 * Keep the rules to what a package says of itself, for any package: never to sink one package for one goal.
 */

/** The kinds of component a package can declare itself. */
export type ComponentRole = 'integration' | 'tokenizer' | 'definitions';

/** A package's component role and the words of its facts that show it. */
export interface PackageRole {
  readonly role: ComponentRole;
  /** The matched words, as they occur in the package's facts (for a rationale). */
  readonly evidence: string;
}

/** The facts a role is read from. */
export interface RoleFacts {
  readonly name: string;
  readonly summary: string;
  readonly keywords: readonly string[];
}

interface RoleRule {
  readonly role: ComponentRole;
  /** Patterns on the package name, lower-cased. */
  readonly name: readonly RegExp[];
  /** Patterns on the description, lower-cased. */
  readonly summary: readonly RegExp[];
  /** Keywords (whole, lower-cased) that declare the role. */
  readonly keywords: readonly string[];
  /** A goal whose lower-cased text matches this asks for the role: no component penalty then. */
  readonly asked: RegExp;
}

const INTEGRATION_NOUN = String.raw`(?:plugins?|providers?|adapters?|integrations?|connectors?|nodes)`;

/** The role rules, in the order tried. */
const ROLE_RULES: readonly RoleRule[] = [
  {
    role: 'integration',
    // `ollama-ai-provider`, `@elizaos/plugin-anthropic`, `@mendable/n8n-nodes-firecrawl`, `@goat-sdk/adapter-x`
    name: [new RegExp(String.raw`(?:^|[/_-])${INTEGRATION_NOUN}(?:$|[/_-])`)],
    // "Weaviate integration for LangChain.js", "OpenTelemetry instrumentation for the `openai` client",
    // "The OpenAI backend module for the @roadiehq/rag-ai plugin", "SDK integration with OpenAI"
    summary: [
      new RegExp(String.raw`\b(?:${INTEGRATION_NOUN}|instrumentation|module) (?:for|of)\b`),
      /\bintegrations? with\b/,
    ],
    keywords: ['plugin', 'provider', 'adapter', 'integration', 'connector'],
    asked: new RegExp(String.raw`\b(?:${INTEGRATION_NOUN}|instrumentations?|integrat\w*|extensions?)\b`),
  },
  {
    role: 'tokenizer',
    // `gpt-tokenizer`, `js-tiktoken`, `gpt-3-encoder`, `@anthropic-ai/tokenizer`
    name: [/tokeni[sz]er/, /tiktoken/, /(?:^|[/_-])(?:gpt|bpe)[\w-]*encoder\b/],
    summary: [/\b(?:bpe )?tokeni[sz]ers?\b/, /\bcount(?:s|ing)? (?:the )?tokens\b/],
    keywords: ['tokenizer', 'bpe'],
    asked: /\b(?:tokeni[sz]\w*|tiktoken|bpe|count\w* tokens?|token count\w*)\b/,
  },
  {
    role: 'definitions',
    summary: [/\bsemantic conventions\b/, /\btype definitions\b/],
    name: [/semantic-conventions/],
    keywords: [],
    asked: /\b(?:semantic conventions|type definitions|types)\b/,
  },
];

/**
 * The component role a package declares by its own facts ({@link ComponentRole}), or undefined for a whole tool.
 * Pure.
 */
export function packageRole(facts: RoleFacts): PackageRole | undefined {
  const name = facts.name.toLowerCase();
  const summary = facts.summary.toLowerCase();
  const keywords = new Set(facts.keywords.map((keyword) => keyword.toLowerCase()));
  for (const rule of ROLE_RULES) {
    const evidence =
      rule.name.map((pattern) => pattern.exec(name)?.[0]).find((match) => match !== undefined) ??
      rule.summary.map((pattern) => pattern.exec(summary)?.[0]).find((match) => match !== undefined) ??
      rule.keywords.find((keyword) => keywords.has(keyword));
    if (evidence !== undefined)
      return { role: rule.role, evidence: evidence.replace(/^[/_-]+|[/_-]+$/g, '') };
  }
  return undefined;
}

/** Whether a goal's text asks for a component of this role ("an Ollama provider", "GPT tokenizer"). Pure. */
export function goalAsksForRole(goalText: string, role: ComponentRole): boolean {
  const lower = goalText.normalize('NFKC').toLowerCase();
  return ROLE_RULES.some((rule) => rule.role === role && rule.asked.test(lower));
}
