import { analyze, normalizeTerm, tokenize } from './term-analysis.js';

describe('analyze', () => {
  it('folds domain phrases into one term', () => {
    expect(analyze('A Model Context Protocol server')).toEqual(['mcp', 'server']);
    expect(analyze('Large Language Models')).toEqual(['llm']);
    expect(analyze('Retrieval-Augmented Generation')).toEqual(['rag']);
    expect(analyze('a vector store and a Vector DB')).toEqual(['vector', 'databas']);
    expect(analyze('function calling')).toEqual(['tool', 'call']);
  });

  it('meets synonyms and inflections in one stem (Porter)', () => {
    expect(analyze('agentic agents agent')).toEqual(['agent']);
    expect(analyze('libraries library')).toEqual(['librari']);
    expect(analyze('indexes embeddings LLMs')).toEqual(['index', 'embed', 'llm']);
    expect(analyze('orchestrating orchestration')).toEqual(['orchestr', 'workflow']);
  });

  it('meets "evaluation", "evaluate", "eval" and "evals" in one term', () => {
    for (const word of ['evaluation', 'evaluate', 'eval', 'evals', 'Evaluations']) {
      expect(analyze(word)).toEqual(['eval']);
    }
  });

  it('adds the capability tag a phrase names in other words', () => {
    expect(analyze('give my chatbot long-term recall')).toEqual(
      expect.arrayContaining(['chatbot', 'recal', 'memori']),
    );
    expect(analyze('drive a headless browser')).toEqual(expect.arrayContaining(['browser', 'autom']));
    expect(analyze('testing LLM answers')).toEqual(expect.arrayContaining(['eval']));
    expect(analyze('semantic search')).toEqual(expect.arrayContaining(['vector', 'databas']));
  });

  it('adds nothing for text that names no capability', () => {
    expect(analyze('a charting library')).toEqual(['chart', 'librari']);
  });

  it('meets a model name with its maker', () => {
    expect(analyze('Claude')).toEqual(['claud', 'anthrop']);
    expect(analyze('@anthropic-ai/sdk')).toEqual(expect.arrayContaining(['anthrop']));
  });

  it('drops stop words, bare numbers and single characters', () => {
    expect(analyze('the top 5 of a x for you')).toEqual(['top']);
  });

  it('folds package-name tokens: scopes, compounds and camel case', () => {
    expect(analyze('@modelcontextprotocol/sdk')).toEqual(['mcp', 'sdk']);
    expect(analyze('@langchain/langgraph')).toEqual(
      expect.arrayContaining(['langgraph', 'lang', 'graph', 'langchain', 'chain']),
    );
    expect(analyze('lang graph')).toEqual(['lang', 'graph']);
    expect(analyze('VoltAgent')).toEqual(expect.arrayContaining(['voltag', 'volt', 'agent']));
  });
});

describe('tokenize', () => {
  it('keeps a camel-case word whole and adds its parts', () => {
    expect(tokenize('LangGraph')).toEqual(['langgraph', 'lang', 'graph']);
    expect(tokenize('snake_case')).toEqual(['snake', 'case']);
  });
});

describe('normalizeTerm', () => {
  it('splits domain roots off compound words', () => {
    expect(normalizeTerm('VoltAgent')).toEqual(['voltag', 'agent']);
    expect(normalizeTerm('webmcp')).toEqual(['webmcp', 'mcp']);
    expect(normalizeTerm('langgraph')).toEqual(['langgraph', 'graph', 'lang']);
    expect(normalizeTerm('agent')).toEqual(['agent']);
  });

  it('splits the token root off tokenizer names, so "tiktoken" meets "tokenizer"', () => {
    expect(normalizeTerm('tiktoken')).toEqual(['tiktoken', 'token']);
    expect(normalizeTerm('tokenizer')).toEqual(['token']);
  });

  it('does not split a root off a word that is only the root inflected', () => {
    expect(normalizeTerm('agents')).toEqual(['agent']);
  });

  it('treats object property names as ordinary words', () => {
    expect(normalizeTerm('constructor')).toEqual(['constructor']);
    expect(normalizeTerm('__proto__')).toEqual(['__proto__']);
  });
});
