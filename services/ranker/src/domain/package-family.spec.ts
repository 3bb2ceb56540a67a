import { groupFamilies, sameFamily } from './package-family.js';

describe('sameFamily', () => {
  it.each([
    ['@openai/agents', '@openai/agents-realtime'],
    ['@openai/agents-core', '@openai/agents-openai'],
    ['@langchain/langgraph', '@langchain/langgraph-supervisor'],
    ['langfuse', 'langfuse-vercel'],
    ['ollama', 'ollama-ai-provider-v2'],
  ])('groups %s with %s', (a, b) => {
    expect(sameFamily(a, b)).toBe(true);
    expect(sameFamily(b, a)).toBe(true);
  });

  it.each([
    ['ai', 'ai-sdk-tools'],
    ['@modelcontextprotocol/server-puppeteer', '@modelcontextprotocol/server-filesystem'],
    ['@anthropic-ai/sdk', '@anthropic-ai/bedrock-sdk'],
    ['@langfuse/tracing', '@langfuse/otel'],
    ['gpt-tokenizer', 'gpt-3-encoder'],
    ['@mastra/core', '@mastra/memory'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(sameFamily(a, b)).toBe(false);
  });
});

describe('groupFamilies', () => {
  const name = (item: string) => item;

  it('collapses a family to one place, led by its main package, the others listed under it best first', () => {
    const sorted = ['@openai/agents-realtime', 'mem0ai', '@openai/agents-core', '@openai/agents', 'zep'];
    expect(groupFamilies(sorted, name)).toEqual([
      { lead: '@openai/agents', members: ['@openai/agents-realtime', '@openai/agents-core'] },
      { lead: 'mem0ai', members: [] },
      { lead: 'zep', members: [] },
    ]);
  });

  it('never lets a member it may not lead (a deprecated main package) lead its family', () => {
    const sorted = ['langfuse-vercel', 'langfuse'];
    expect(groupFamilies(sorted, name, (item) => item !== 'langfuse')).toEqual([
      { lead: 'langfuse-vercel', members: ['langfuse'] },
    ]);
  });

  it('leads with the best member when none is the main package the others extend', () => {
    const sorted = ['@openai/agents-realtime', '@openai/agents-core'];
    expect(groupFamilies(sorted, name)).toEqual([
      { lead: '@openai/agents-realtime', members: ['@openai/agents-core'] },
    ]);
  });
});
