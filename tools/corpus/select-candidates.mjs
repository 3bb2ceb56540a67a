#!/usr/bin/env node
// Selects ~300 AI-agent / LLM tooling packages from the package list snapshot (npm.tsv) and writes
// tools/corpus/selected.txt (one package name a line, sorted).
//
// Plain Node ESM, no dependencies, no network. Deterministic: the same npm.tsv gives the same list.
//
//   node tools/corpus/select-candidates.mjs [--tsv PATH] [--out PATH] [--verbose]
//
// How it selects:
//   1. MUST_INCLUDE: well-known agent/LLM packages, kept whenever they are in the TSV (even when the
//      TSV summary is empty; build-corpus.mjs fills the description from the npm registry).
//   2. Every other row must: have >= MIN_DOWNLOADS monthly downloads; match at least one AI_TERMS
//      pattern in its name or summary; match none of the NOISE patterns (terminal prompts, eval(),
//      "embedding a PDF", colour libraries, per-platform prebuilt binaries, @types, test/demo
//      packages, ...); not be in DENY (hand-checked false positives and spam); have a summary of at
//      least MIN_SUMMARY characters (an empty summary is accepted only when the *name* is
//      unambiguous, see STRONG_NAME); not repeat, word for word, the summary of a more-downloaded
//      candidate outside its own scope (forks and re-publishes); and not be a near-miss spelling
//      of a more popular candidate (typo-squats).
//   3. For spread, at most SCOPE_CAP[scope] (default DEFAULT_SCOPE_CAP) packages per npm scope,
//      and fixed quotas per download band (BANDS), so the long tail is represented, not only the
//      giants. The top band takes the most downloaded; lower bands a stable hash-ordered sample.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const argVal = (flag, dflt) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const TSV = argVal('--tsv', process.env.CORPUS_TSV || '/work/.library/env/packages/npm.tsv');
const OUT = argVal('--out', join(here, 'selected.txt'));
const VERBOSE = args.includes('--verbose');

const MIN_DOWNLOADS = 2000;
const MIN_SUMMARY = 15;

// Well-known packages, kept whenever present in the TSV.
const MUST_INCLUDE = [
  // SDKs / provider clients
  'ai',
  'openai',
  '@anthropic-ai/sdk',
  '@google/genai',
  '@google/generative-ai',
  '@mistralai/mistralai',
  'groq-sdk',
  'cohere-ai',
  'replicate',
  'together-ai',
  '@cerebras/cerebras_cloud_sdk',
  'portkey-ai',
  '@aws-sdk/client-bedrock-runtime',
  '@huggingface/inference',
  '@ai-sdk/openai',
  '@ai-sdk/anthropic',
  '@ai-sdk/google',
  '@ai-sdk/react',
  '@ai-sdk/provider',
  '@ai-sdk/mcp',
  '@openrouter/ai-sdk-provider',
  '@azure/openai',
  '@lmstudio/sdk',
  // agent frameworks / orchestration
  'langchain',
  '@langchain/core',
  '@langchain/langgraph',
  '@langchain/openai',
  '@langchain/anthropic',
  '@langchain/community',
  '@langchain/langgraph-supervisor',
  '@langchain/langgraph-swarm',
  'llamaindex',
  '@mastra/core',
  '@mastra/memory',
  '@mastra/rag',
  'mastra',
  '@openai/agents',
  '@anthropic-ai/claude-agent-sdk',
  'genkit',
  '@voltagent/core',
  '@inngest/agent-kit',
  '@google/adk',
  '@strands-agents/sdk',
  '@agentic/core',
  'beeai-framework',
  'modelfusion',
  '@ax-llm/ax',
  '@instructor-ai/instructor',
  '@composio/core',
  '@livekit/agents',
  '@copilotkit/react-core',
  '@assistant-ui/react',
  // MCP
  '@modelcontextprotocol/sdk',
  '@modelcontextprotocol/inspector',
  'fastmcp',
  '@playwright/mcp',
  'mcp-remote',
  'mcp-framework',
  'mcp-handler',
  'firecrawl-mcp',
  'chrome-devtools-mcp',
  // vector stores / RAG / memory
  '@pinecone-database/pinecone',
  '@qdrant/js-client-rest',
  'chromadb',
  'weaviate-client',
  '@lancedb/lancedb',
  '@upstash/vector',
  '@zilliz/milvus2-sdk-node',
  'mem0ai',
  '@letta-ai/letta-client',
  '@getzep/zep-cloud',
  '@orama/orama',
  'vectra',
  '@langchain/textsplitters',
  // local models / embeddings / tokenizers
  'ollama',
  'node-llama-cpp',
  '@huggingface/transformers',
  '@xenova/transformers',
  '@mlc-ai/web-llm',
  'fastembed',
  'js-tiktoken',
  'tiktoken',
  'gpt-tokenizer',
  // evals / observability / prompt tooling / guardrails
  'promptfoo',
  'langsmith',
  'langfuse',
  '@langfuse/tracing',
  'braintrust',
  'autoevals',
  'evalite',
  '@traceloop/node-server-sdk',
  '@arizeai/openinference-semantic-conventions',
  '@arizeai/phoenix-client',
  '@opentelemetry/instrumentation-openai',
  'dotprompt',
  '@openai/guardrails',
  // browser / computer-use / coding agents
  '@browserbasehq/stagehand',
  'agent-browser',
  '@openai/codex',
  '@anthropic-ai/claude-code',
  '@google/gemini-cli',
  '@github/copilot',
  '@e2b/code-interpreter',
  'e2b',
  '@mendable/firecrawl-js',
  '@tavily/core',
  'exa-js',
  '@elevenlabs/elevenlabs-js',
];

// A row is a candidate only if one of these matches "name summary" (case-insensitive).
const AI_TERMS = [
  /\b(llms?|large language models?|language models?|foundation models?)\b/,
  /\b(ai|llm|autonomous|coding|browser|voice|conversational|agentic) agents?\b/,
  /\bagentic\b/,
  /\bagents? (sdk|framework|kit|runtime|harness|toolkit|orchestration)\b/,
  /\bmulti-?agents?\b/,
  /\b(langchain|langgraph|langsmith|langfuse|llama-?index|llama\.cpp|ollama|mastra|genkit)\b/,
  /\b(openai|anthropic|claude|chatgpt|gpt-?[345o][\w.-]*|mistral ?ai|mistralai|cohere|groq|deepseek|openrouter|perplexity|hugging ?face|vertex ai|bedrock runtime|together ai|fireworks ai|cerebras|x\.ai|grok)\b/,
  /\bgemini (api|models?|cli)\b/,
  /\b(rag|retrieval[- ]augmented)\b/,
  /\bvector (databases?|stores?|dbs?|search|index(es)?|embeddings?)\b/,
  /\b(embeddings|text embeddings?|embedding models?|sentence embeddings?)\b/,
  /\b(pinecone|qdrant|chromadb|weaviate|milvus|lancedb|pgvector|turbopuffer)\b/,
  /\b(mcp|model context protocol)\b/,
  /\bprompt (engineering|templates?|templating|management|injection|registry|optimi[sz]ation)\b/,
  /\b(llm|ai|genai) (prompts?|evals?|evaluations?|observability|tracing|gateway|router|proxy)\b/,
  /\b(evals|eval runner|evaluation framework)\b/,
  /\b(genai|gen ai|generative ai)\b/,
  /\b(ai|llm) (chatbots?|assistants?|apps?|applications?|workflows?|sdk|tools?|models?|providers?)\b/,
  /\b(tool calling|tool-calling|function calling|structured outputs?)\b/,
  /\b(tiktoken|bpe tokenizer|llm tokenizer)\b/,
  /\b(openinference|traceloop|opentelemetry genai)\b/,
  /\bcomputer[- ]use\b/,
  /\b(coding assistant|ai pair programmer|copilot)\b/,
  /\b(realtime voice|voice ai|speech-to-speech)\b/,
];

// Names whose meaning is unambiguous even without a summary (used when the TSV summary is empty).
const STRONG_NAME =
  /(^|[/@-])(ai-sdk|langchain|langgraph|llamaindex|mastra|genkit|openai|anthropic|mcp|ollama|agents?|llm|rag|pinecone|qdrant|chroma|weaviate|milvus|lancedb|copilotkit|assistant-ui|composio|elevenlabs|voltagent|metorial|ag-ui)([/-]|$)/;

// Name patterns that are never wanted.
const NOISE_NAME = [
  /^@types\//,
  /inquirer|enquirer|^@clack\//,
  /(^|[-/])(linux|win32|win|windows|darwin|mac|macos|freebsd|android)-(x64|arm64|amd64|aarch64|ia32|armv7l|x86|universal)\b/,
  /^@node-llama-cpp\//, // per-platform prebuilt binaries of node-llama-cpp
  /(^|[-/])(test|tests|testing-pkg|demo|demos|example|examples|sample|hello-?world|playground|tutorial|my-first)([-/]|$)/,
  /(^|[-/])(theme|icons?|icons-[a-z-]+)([-/]|$)/,
  /^(prompts?|prompt-[a-z]+|[a-z-]*-prompt)$/, // terminal-prompt libraries
  /monaco-vscode-[0-9a-f]{8}-/, // hashed internal chunks of a VS Code port
  /^@maxim_mazurok\//, // generated Google API typings
  /(^|[-/])internal-/, // vendors' internal plugins
  // internal helper packages of a larger SDK (the SDK itself is selected instead)
  /\/(loggers?|shared|shared-[a-z]+|common|[a-z-]+-common|utils?|provider-utils|ui-utils|env|types|deployer|schema-compat)$/,
];

// Summary patterns that are never wanted.
const NOISE_SUMMARY = [
  /\bprebuilt binary\b/,
  /\bfor inter\w* use only\b/, // also the "(For Interal Use Only)" spelling
  /\b(do not use|placeholder|security holding package|this package is deprecated)\b/,
  /\bprompts? (the user|users|for (a |an )?(password|otp|input))\b/,
  /\b(cli|terminal|command-line|interactive|readline) prompts?\b/,
  /\beval\(\)|\bexpression (evaluator|parsing)\b/,
  /\bembedding (pdf|videos?|dashboards?|resources?|sdk for embedding)\b/,
  /\bfor embedding\b/,
  /\bcolou?r (conversions?|manipulation)\b/,
  /\bwallet\b/,
  /\bfeature flags?\b/,
  /\bgroq(-| )?(quer|powered)/, // Sanity's GROQ query language, not the Groq LLM API
  /\bdo not install directly\b/,
  /^\[?deprecated\b/,
  /\bnot the official\b|\bpointer to the official\b/,
];

// Hand-checked exclusions (false positives of the patterns above, spam, off-topic).
const DENY = new Set([
  'pathval', // "object value retrieval"
  'talisman', // generic NLP/fuzzy matching
  'trie-search',
  '@sagold/json-pointer',
  'native-machine-id',
  '@types/doubleclick-gpt', // Google Publisher Tag, not GPT
  'micromark-extension-llm-math', // "llm" is a LaTeX macro here
  'activedirectory2',
  '@lobehub/icons', // brand logos
  '@vercel/detect-agent', // environment detection, not agent tooling
  'get-shit-done-cc',
  '@code-yeongyu/comment-checker',
  'leaflet-gesture-handling',
  '@lavamoat/webpack',
  '@cloudflare/cabidela',
  '@gemini-wallet/core',
  '@statsig/on-device-eval-core',
  '@statsig/js-on-device-eval-client',
  '@sap-ux/fiori-docs-embeddings', // internal doc index
  '@sap-ux/system-access',
  '@sap-devx/yeoman-ui-types',
  'opencode-anthropic-auth', // auth shims for one CLI, no summary
  'opencode-antigravity-auth',
  'opencode-copilot-auth',
  '@uiw/codemirror-theme-copilot',
  'telecom-mas-agent', // implausible download count (hundreds of millions a month) for an unknown package
  'turbo', // build system that only mentions coding agents in its tagline
  '@quasar/app-vite', // same
  '@newrelic/browser-agent', // "browser agent" = monitoring snippet
  'mongodb-language-model', // "query language model"
  '@qdrant/openapi-typescript-fetch', // generic fetch client
  '@browserstack/ai-sdk-node',
  '@elementor/angie-logger',
  '@box/box-ai-agent-selector', // UI widget, no description
  '@claude-flow/plugin-gastown-bridge', // plugin of a plugin
  '@claude-flow/codex',
  'ruvector-attention-wasm', // same author's dozens of spin-off packages; ruvector itself is kept
  '@ruvector/sona',
  'rn-tourguide', // "react-native-copilot" is a UI tour library
  'react-native-copilot',
  'am-i-vibing', // environment detection, like @vercel/detect-agent
  '@silvermine/undertemplate', // "without unsafe evals"
  '@computer-use/default-clipboard-provider', // clipboard helper of a desktop-automation library
  'sanity', // mentions GROQ, Sanity's query language
  '@cloud-copilot/iam-utils', // AWS IAM tooling, "copilot" is a brand
  'anthropic', // unscoped vendor name without a description; the vendor publishes @anthropic-ai/sdk
  '@memberjunction/skip-types', // shared type definitions only
  '@thinkwell/protocol', // shared type definitions only
]);

// Max packages per npm scope (spread); unscoped packages are not capped.
const DEFAULT_SCOPE_CAP = 3;
const SCOPE_CAP = {
  '@langchain': 16,
  '@ai-sdk': 12,
  '@modelcontextprotocol': 8,
  '@mastra': 8,
  '@openai': 7,
  '@anthropic-ai': 7,
  '@llamaindex': 6,
  '@arizeai': 5,
  '@traceloop': 4,
  '@genkit-ai': 4,
  '@langfuse': 3,
  '@metorial': 2,
  '@microsoft': 3,
  '@azure': 4,
  '@salesforce': 1,
  '@github': 3,
  '@node-llama-cpp': 0,
};

// Download bands (monthly downloads) and how many packages each contributes, on top of MUST_INCLUDE.
// The top band is filled by downloads; the lower bands are sampled uniformly at random, but stably
// (order by an FNV-1a hash of the name), so the long tail is not just its top end.
const BANDS = [
  { min: 100_000, max: Infinity, quota: 95, spread: false },
  { min: 20_000, max: 100_000, quota: 50, spread: true },
  { min: 5_000, max: 20_000, quota: 30, spread: true },
  { min: MIN_DOWNLOADS, max: 5_000, quota: 20, spread: true },
];

// ---------------------------------------------------------------------------------------------------

function parseTsv(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0].split('\t');
  const col = (n) => header.indexOf(n);
  const [iName, iVer, iDl, iSum] = ['name', 'version', 'downloads_a_month', 'summary'].map(col);
  if ([iName, iVer, iDl, iSum].some((i) => i < 0)) throw new Error(`unexpected TSV header: ${lines[0]}`);
  const rows = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const f = line.split('\t');
    rows.push({
      name: f[iName],
      version: f[iVer],
      downloads: Number.parseInt(f[iDl], 10) || 0,
      summary: (f[iSum] || '').trim(),
    });
  }
  return rows;
}

const scopeOf = (name) => (name.startsWith('@') ? name.split('/')[0] : '');
const baseOf = (name) => (name.startsWith('@') ? name.split('/')[1] || '' : name);

function levenshtein(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function classify(row) {
  const name = row.name.toLowerCase();
  const summary = row.summary.toLowerCase();
  const text = `${name.replace(/[@/_-]/g, ' ')} ${summary}`;
  if (DENY.has(row.name)) return 'deny-list';
  if (row.downloads < MIN_DOWNLOADS) return 'downloads';
  if (NOISE_NAME.some((re) => re.test(name))) return 'noise-name';
  if (NOISE_SUMMARY.some((re) => re.test(summary))) return 'noise-summary';
  if (!AI_TERMS.some((re) => re.test(text))) return 'not-ai';
  if (summary.length < MIN_SUMMARY && !STRONG_NAME.test(name)) return 'no-summary';
  if (/^(test|testing|my (first )?package|todo|wip|hello)\b/.test(summary)) return 'test-package';
  return null;
}

const rows = parseTsv(TSV);
const byName = new Map(rows.map((r) => [r.name, r]));
const rejected = {};
const candidates = [];
for (const r of rows) {
  const why = classify(r);
  if (why) rejected[why] = (rejected[why] || 0) + 1;
  else candidates.push(r);
}
candidates.sort((a, b) => b.downloads - a.downloads || a.name.localeCompare(b.name));

// Forks / re-publishes: same (non-trivial) summary as a more-downloaded candidate in another scope.
const seenSummary = new Map();
// Typo-squats: unscoped name (6+ chars) at edit distance 1 from a far more downloaded candidate's name.
const popularBases = [];
const filtered = [];
for (const r of candidates) {
  const s = r.summary.toLowerCase();
  if (s.length >= 25) {
    const first = seenSummary.get(s);
    if (first && scopeOf(first) !== scopeOf(r.name) && !MUST_INCLUDE.includes(r.name)) {
      rejected['duplicate-summary'] = (rejected['duplicate-summary'] || 0) + 1;
      if (VERBOSE) console.error(`dup-summary: ${r.name} (same as ${first})`);
      continue;
    }
    if (!first) seenSummary.set(s, r.name);
  }
  if (!scopeOf(r.name) && !MUST_INCLUDE.includes(r.name) && r.name.length >= 6) {
    const squat = popularBases.find(
      (p) => p.base.length >= 6 && p.base !== r.name && levenshtein(p.base, r.name) === 1,
    );
    if (squat && squat.downloads > 20 * r.downloads) {
      rejected['typo-squat'] = (rejected['typo-squat'] || 0) + 1;
      if (VERBOSE) console.error(`typo-squat: ${r.name} (~${squat.base})`);
      continue;
    }
  }
  if (popularBases.length < 400) popularBases.push({ base: baseOf(r.name), downloads: r.downloads });
  filtered.push(r);
}

const selected = new Set();
const perScope = new Map();
const take = (r) => {
  selected.add(r.name);
  const sc = scopeOf(r.name);
  if (sc) perScope.set(sc, (perScope.get(sc) || 0) + 1);
};
const missingMust = [];
for (const n of MUST_INCLUDE) {
  const r = byName.get(n);
  if (r) take(r);
  else missingMust.push(n);
}
const underCap = (r) => {
  const sc = scopeOf(r.name);
  return !sc || (perScope.get(sc) || 0) < (SCOPE_CAP[sc] ?? DEFAULT_SCOPE_CAP);
};
// FNV-1a: a stable pseudo-random order, so that dropping one package changes one pick, not all.
const fnv1a = (str) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};
for (const band of BANDS) {
  const pool = filtered.filter(
    (r) => r.downloads >= band.min && r.downloads < band.max && !selected.has(r.name),
  );
  if (band.spread) pool.sort((a, b) => fnv1a(a.name) - fnv1a(b.name) || a.name.localeCompare(b.name));
  let got = 0;
  for (const r of pool) {
    if (got >= band.quota) break;
    if (!underCap(r)) continue;
    take(r);
    got++;
  }
  if (VERBOSE) console.error(`band >=${band.min}: ${got}/${band.quota}`);
}

const list = [...selected].sort();
writeFileSync(OUT, list.join('\n') + '\n');
console.log(
  `rows=${rows.length} candidates=${candidates.length} after-dedupe=${filtered.length} selected=${list.length}`,
);
console.log(`rejected: ${JSON.stringify(rejected)}`);
if (missingMust.length) console.log(`must-include not in TSV: ${missingMust.join(', ')}`);
console.log(`wrote ${OUT}`);
