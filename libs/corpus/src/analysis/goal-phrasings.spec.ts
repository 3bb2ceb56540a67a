import { capabilitiesIn } from './capability-synonyms.js';
import { parseGoalQuery } from './goal-query.js';

/**
 * More natural ways users phrase goals across the corpus's domain (agents, MCP, RAG, evals, observability,
 * memory, vector stores, browsers and the web, structured output, local models, prompts, voice, code, safety,
 * media): each must reach the capability it means, in table order, and nothing else.
 */
describe('parseGoalQuery on everyday phrasings', () => {
  it.each([
    ['build an autonomous agent that uses tools', ['tool-calling']],
    ['let the LLM call external APIs', ['tool-calling']],
    ['connect Claude to my database through MCP', ['mcp']],
    ['chat with my PDFs', ['rag']],
    ['rerank search results for relevance', ['rag']],
    ['search my docs semantically', ['vector-store']],
    ['store and query embeddings', ['vector-store', 'embeddings']],
    ['generate embeddings for semantic search', ['vector-store', 'embeddings']],
    ['turn sentences into vectors', ['embeddings']],
    ['score my chatbot responses automatically', ['evals']],
    ['regression tests for prompts', ['evals']],
    ['see traces of my agent runs', ['observability']],
    ['track how much I spend on OpenAI', ['observability']],
    ['keep track of LLM costs per user', ['observability']],
    ['give my bot a memory of past conversations', ['memory']],
    ['automate Chrome with an AI agent', ['browser-automation']],
    ['scrape websites into clean markdown for an LLM', ['web-scraping']],
    ['crawl a documentation site', ['web-scraping']],
    ['a web search API for my agent', ['web-scraping']],
    ['let my agent search the internet', ['web-scraping']],
    ['force the model to answer in JSON', ['structured-output']],
    ['extract structured data from invoices with an LLM', ['structured-output']],
    ['run open-source models on my own GPU', ['local-models']],
    ['manage and version my prompts', ['prompt-management']],
    ['reusable prompt templates', ['prompt-management']],
    ['add speech recognition to my assistant', ['voice']],
    ['transcribe audio with Whisper', ['voice']],
    ['run untrusted code in a sandbox', ['guardrails', 'code-generation']],
    ['stop my chatbot from leaking personal data', ['guardrails']],
    ['moderate user messages that reach the model', ['guardrails']],
    ['stream tokens to the browser as they are generated', ['streaming']],
    ['an AI pair programmer in the terminal', ['code-generation']],
    ['orchestrate a team of agents', ['multi-agent', 'workflows']],
    ['long-running durable agent workflows', ['workflows']],
    ['describe images with a vision model', ['multimodal']],
  ])('reads %j as asking for %j', (text, capabilities) => {
    expect(parseGoalQuery(text).capabilities).toEqual(capabilities);
  });

  it('keeps runtime and model names as search terms rather than capabilities', () => {
    expect(parseGoalQuery('use Ollama from Node').terms).toBe('ollama');
    expect(parseGoalQuery('count tokens before sending a prompt').capabilities).toBeUndefined();
  });

  it('tells a browser a bot drives from a crawling or search API', () => {
    expect(capabilitiesIn('let my bot click through web pages for me')).toEqual(['browser-automation']);
    expect(capabilitiesIn('web search api for llm agents')).toEqual(['web-scraping']);
    expect(capabilitiesIn('web scraping and crawling')).toEqual(['web-scraping']);
  });

  it.each([
    'a React date picker',
    'PDF generation',
    'image resizing',
    'OAuth login for Express',
    'send transactional emails',
    'state management for React',
  ])('reads no capability into %j, a goal outside the domain', (text) => {
    expect(parseGoalQuery(text).capabilities).toBeUndefined();
  });
});
