import { analyze, normalizeTerm } from './term-analysis.js';

describe('analyze', () => {
  it('folds domain phrases into one term', () => {
    expect(analyze('A Model Context Protocol server')).toEqual(['mcp', 'server']);
    expect(analyze('Large Language Models')).toEqual(['llm']);
    expect(analyze('Retrieval-Augmented Generation')).toEqual(['rag']);
    expect(analyze('a vector store and a Vector DB')).toEqual(['vector', 'database']);
    expect(analyze('function calling')).toEqual(['tool', 'calling']);
  });

  it('meets synonyms and plurals in one form', () => {
    expect(analyze('agentic agents agent')).toEqual(['agent']);
    expect(analyze('libraries indexes embeddings LLMs')).toEqual(['library', 'index', 'embedding', 'llm']);
  });

  it('drops stop words, bare numbers and single characters', () => {
    expect(analyze('the top 5 of a x for you')).toEqual(['top']);
  });
});

describe('normalizeTerm', () => {
  it('splits domain roots off compound words', () => {
    expect(normalizeTerm('VoltAgent')).toEqual(['voltagent', 'agent']);
    expect(normalizeTerm('webmcp')).toEqual(['webmcp', 'mcp']);
    expect(normalizeTerm('agent')).toEqual(['agent']);
  });

  it('treats object property names as ordinary words', () => {
    expect(normalizeTerm('constructor')).toEqual(['constructor']);
    expect(normalizeTerm('__proto__')).toEqual(['__proto__']);
  });
});
