import { loadCorpus } from '@swarm/corpus';
import type { PackageRecord } from './package-record.js';
import {
  CAPABILITY_MATCH_FACTOR,
  capabilityFactor,
  createCorpusIndex,
  FIELD_WEIGHTS,
} from './corpus-index.js';
import { parseGoalQuery } from './query.js';

function pkg(id: string, summary: string, extra: Partial<PackageRecord> = {}): PackageRecord {
  return { id, name: id, summary, keywords: [], monthlyDownloads: 0, features: [], ...extra };
}

describe('createCorpusIndex on the shipped corpus', () => {
  const corpus = loadCorpus();
  const index = createCorpusIndex(corpus);
  const top = (text: string, limit = 10) =>
    index.search(parseGoalQuery(text).terms, limit).map((hit) => hit.pkg);

  it('indexes every package', () => {
    expect(index.size).toBe(corpus.length);
  });

  it('finds agent frameworks for "find top 5 agentic AI tools"', () => {
    const hits = top('find top 5 agentic AI tools');
    expect(hits).toHaveLength(10);
    for (const hit of hits) expect(`${hit.name} ${hit.summary}`).toMatch(/agent/i);
    const names = hits.map((hit) => hit.name);
    for (const known of [
      '@openai/agents',
      '@inngest/agent-kit',
      '@anthropic-ai/claude-agent-sdk',
      '@agentic/core',
    ]) {
      expect(names).toContain(known);
    }
  });

  it('keeps sibling packages with one summary from filling the top of the list', () => {
    const names = top('agentic ai').map((hit) => hit.name);
    expect(names).toContain('@openai/agents');
    expect(names).not.toContain('@openai/agents-core');
    expect(names).not.toContain('@openai/agents-openai');
  });

  it('puts vector stores first for "vector database client"', () => {
    const hits = top('vector database client');
    for (const hit of hits.slice(0, 5)) expect(hit.features).toContain('vector-store');
    const names = hits.slice(0, 8).map((hit) => hit.name);
    for (const known of ['weaviate-client', '@qdrant/js-client-rest', '@pinecone-database/pinecone']) {
      expect(names).toContain(known);
    }
  });

  it('finds MCP packages for "model context protocol server"', () => {
    const hits = top('model context protocol server');
    expect(hits).toHaveLength(10);
    for (const hit of hits) expect(hit.features).toContain('mcp');
  });

  it('finds LLM observability packages', () => {
    const names = top('best LLM observability and tracing tools', 5).map((hit) => hit.name);
    expect(names).toEqual(expect.arrayContaining(['langfuse', 'langsmith']));
  });

  it('puts the MCP SDK first for "MCP SDK" and in the top 3 for an official-SDK goal', () => {
    expect(top('MCP SDK', 1).map((hit) => hit.name)).toEqual(['@modelcontextprotocol/sdk']);
    const names = top('the official MCP SDK for building servers and clients', 3).map((hit) => hit.name);
    expect(names).toContain('@modelcontextprotocol/sdk');
  });

  it('meets "evaluation" with packages tagged evals', () => {
    const hits = top('LLM evaluation', 5);
    for (const hit of hits.slice(0, 3)) expect(hit.features).toContain('evals');
  });

  it('finds memory packages for a goal that never says "memory"', () => {
    const hits = top('give my chatbot long-term recall', 5);
    for (const hit of hits.slice(0, 3)) expect(hit.features).toContain('memory');
  });

  it('finds nothing for a topic the corpus does not hold', () => {
    expect(top('JavaScript charting libraries')).toEqual([]);
  });

  it('returns nothing for a nonsense query', () => {
    expect(index.search('zzqxv frobnicate', 10)).toEqual([]);
  });

  it('returns nothing for empty terms or a zero limit', () => {
    expect(index.search('   ', 10)).toEqual([]);
    expect(index.search('agent', 0)).toEqual([]);
  });

  it('is deterministic', () => {
    expect(top('ai sdk', 50)).toEqual(top('ai sdk', 50));
  });
});

describe('createCorpusIndex', () => {
  it('weighs a name match above a summary match', () => {
    const index = createCorpusIndex([
      pkg('plain', 'works with a vector index'),
      pkg('vector', 'a small library'),
    ]);
    expect(index.search('vector', 2).map((hit) => hit.pkg.id)).toEqual(['vector', 'plain']);
  });

  it('weighs tags and names above keywords, and keywords above descriptions', () => {
    const index = createCorpusIndex([
      pkg('in-summary', 'chat history memory', { keywords: ['chat'], features: ['streaming'] }),
      pkg('in-keywords', 'chat logs', { keywords: ['chat', 'memory'], features: ['streaming'] }),
      pkg('in-tags', 'chat store', { keywords: ['chat'], features: ['streaming', 'memory'] }),
    ]);
    expect(index.search('memory', 3).map((hit) => hit.pkg.id)).toEqual([
      'in-tags',
      'in-keywords',
      'in-summary',
    ]);
    expect(FIELD_WEIGHTS.features).toBeGreaterThan(FIELD_WEIGHTS.keywords);
    expect(FIELD_WEIGHTS.name).toBeGreaterThan(FIELD_WEIGHTS.keywords);
    expect(FIELD_WEIGHTS.keywords).toBeGreaterThan(FIELD_WEIGHTS.summary);
  });

  it('finds a package without a description by its keywords, tags and links', () => {
    const index = createCorpusIndex([
      pkg('quiet', '', {
        keywords: ['tracing'],
        features: ['observability'],
        repository: 'https://github.com/acme/langgraph-helpers',
      }),
      pkg('other', 'an unrelated thing'),
    ]);
    expect(index.search('observability', 5).map((hit) => hit.pkg.id)).toEqual(['quiet']);
    expect(index.search('tracing', 5).map((hit) => hit.pkg.id)).toEqual(['quiet']);
    expect(index.search('lang graph helpers', 5).map((hit) => hit.pkg.id)).toEqual(['quiet']);
  });

  it('lifts a package whose whole name is asked for by NAME_MATCH_FACTOR', () => {
    const index = createCorpusIndex([pkg('@acme/agents', 'agents for mcp'), pkg('mcp', 'agents for mcp')]);
    const hits = index.search('mcp agents', 2);
    expect(hits.map((hit) => hit.pkg.id)).toEqual(['mcp', '@acme/agents']);
  });

  it('matches prefixes and small typos', () => {
    const index = createCorpusIndex([pkg('a', 'orchestration of workflows')]);
    expect(index.search('orchestr', 1)).toHaveLength(1);
    expect(index.search('orchestartion', 1)).toHaveLength(1);
  });

  it('counts a summary that repeats a better hit word for word at half', () => {
    const index = createCorpusIndex([
      pkg('alpha', 'an agent framework'),
      pkg('beta', 'an agent framework'),
      pkg('gamma', 'an agent framework for teams'),
    ]);
    const hits = index.search('agent framework', 3);
    expect(hits.map((hit) => hit.pkg.id)).toEqual(['alpha', 'gamma', 'beta']);
  });

  it("counts a summary that starts with a better hit's summary at half", () => {
    const index = createCorpusIndex([
      pkg('family', 'The Acme agents SDK builds agent workflows.'),
      pkg('family-voice', 'The Acme agents SDK builds agent workflows. This one adds voice agents.'),
      pkg('other', 'An agent runtime with workflows.'),
    ]);
    expect(index.search('agent workflows', 3).map((hit) => hit.pkg.id)).toEqual([
      'family',
      'other',
      'family-voice',
    ]);
  });

  it('orders equal scores by downloads, then id', () => {
    const index = createCorpusIndex([
      pkg('b', 'an agent', { monthlyDownloads: 5 }),
      pkg('c', 'an agent', { monthlyDownloads: 5 }),
      pkg('a', 'an agent', { monthlyDownloads: 5 }),
    ]);
    expect(index.search('agent', 3).map((hit) => hit.pkg.id)).toEqual(['a', 'b', 'c']);
  });

  it('indexes a repeated id once', () => {
    const index = createCorpusIndex([pkg('a', 'an agent'), pkg('a', 'another agent')]);
    expect(index.size).toBe(1);
    expect(index.search('agent', 5)).toHaveLength(1);
  });
});

describe('capabilityFactor', () => {
  it('lifts a package tagged with every capability the query names', () => {
    expect(capabilityFactor(['rag'], ['rag', 'vector-store'])).toBe(CAPABILITY_MATCH_FACTOR);
    expect(CAPABILITY_MATCH_FACTOR).toBeGreaterThan(1);
  });

  it('leaves a package missing one of them, or a query naming none, as it is', () => {
    expect(capabilityFactor(['rag', 'memory'], ['rag'])).toBe(1);
    expect(capabilityFactor([], ['rag'])).toBe(1);
  });
});
