import { goalAsksForRole, packageRole } from './package-role.js';

const facts = (name: string, summary: string, keywords: string[] = []) => ({ name, summary, keywords });

describe('packageRole', () => {
  it.each([
    [facts('@langchain/weaviate', 'Weaviate integration for LangChain.js'), 'integration'],
    [facts('ollama-ai-provider', 'Vercel AI Provider for running LLMs locally using Ollama'), 'integration'],
    [facts('@acme/n8n-nodes-crawler', 'Crawler nodes'), 'integration'],
    [facts('@acme/rag-backend', 'A backend', ['backstage', 'plugin']), 'integration'],
    [facts('@acme/instrumentation-x', 'OpenTelemetry instrumentation for the x client'), 'integration'],
    [facts('gpt-tokenizer', 'A pure JavaScript BPE tokenizer with model metadata and pricing'), 'tokenizer'],
    [facts('js-tiktoken', 'JavaScript port of tiktoken'), 'tokenizer'],
    [facts('@acme/semantic-conventions', 'Constants for tracing LLM calls'), 'definitions'],
  ])('reads %j as %s', (pkg, role) => {
    expect(packageRole(pkg)?.role).toBe(role);
  });

  it('says what showed the role', () => {
    expect(packageRole(facts('@langchain/weaviate', 'Weaviate integration for LangChain.js'))).toEqual({
      role: 'integration',
      evidence: 'integration for',
    });
  });

  it('reads a whole tool as no component', () => {
    expect(
      packageRole(facts('@langfuse/tracing', 'Langfuse instrumentation methods based on OpenTelemetry')),
    ).toBe(undefined);
    expect(packageRole(facts('llamaindex', 'Data framework for LLM apps', ['llm', 'rag']))).toBeUndefined();
    expect(packageRole(facts('ai', 'The AI Toolkit for TypeScript'))).toBeUndefined();
  });
});

describe('goalAsksForRole', () => {
  it('knows when a goal names the kind of component', () => {
    expect(goalAsksForRole('an Ollama provider for the AI SDK', 'integration')).toBe(true);
    expect(goalAsksForRole('LangChain integrations for vector stores', 'integration')).toBe(true);
    expect(goalAsksForRole('GPT tokenizer', 'tokenizer')).toBe(true);
    expect(goalAsksForRole('count tokens of a prompt', 'tokenizer')).toBe(true);
  });

  it('knows when it does not', () => {
    expect(goalAsksForRole('tracing and observability for LLM apps', 'integration')).toBe(false);
    expect(goalAsksForRole('see what each model call cost', 'tokenizer')).toBe(false);
  });
});
