import { parseGoalQuery } from './goal-query.js';

/**
 * Ways people phrase the corpus's topics without its tags' words: each must reach the capability it means, so a
 * paraphrased goal meets the packages tagged with it.
 */
describe('parseGoalQuery on paraphrases', () => {
  it.each([
    ['split text into chunks for my vector database', ['chunking', 'vector-store']],
    ['break up large PDFs into smaller passages', ['chunking']],
    ['a text splitter for markdown files', ['chunking']],
    ['answer questions over my company documents', ['rag']],
    ['ground LLM answers in my own data', ['rag']],
    ['track token usage and spend of my LLM calls', ['observability']],
    ['measure latency of OpenAI requests', ['observability']],
    ['log every prompt and completion for debugging', ['observability']],
    ['monitor my agents in production', ['observability']],
    ['let an agent fill in web forms', ['browser-automation']],
    ['control a headless Chrome from an LLM', ['browser-automation']],
    ['give my chatbot memory between sessions', ['memory']],
    ['remember user preferences across conversations', ['memory']],
    ['make the model return valid JSON', ['structured-output']],
    ['typed responses from an LLM', ['structured-output']],
    ['grade the quality of model outputs', ['evals']],
    ['unit tests for prompts', ['evals']],
    ['red teaming my chatbot', ['evals']],
    ['coordinate several agents working together', ['multi-agent']],
    ['run code written by an AI', ['code-generation']],
    ['speech to text for my voice bot', ['voice']],
    ['let the model call my functions', ['tool-calling']],
    ['run Llama on my laptop', ['local-models']],
    ['block prompt injection attacks', ['guardrails']],
  ])('reads %j as asking for %j', (text, capabilities) => {
    expect(parseGoalQuery(text).capabilities).toEqual(capabilities);
  });

  it('does not read a tag into text about something else', () => {
    expect(parseGoalQuery('parse and format dates across time zones').capabilities).toBeUndefined();
    expect(parseGoalQuery('spend less time in meetings').capabilities).toBeUndefined();
  });
});
