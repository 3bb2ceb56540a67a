#!/usr/bin/env node
// Builds libs/corpus/data/packages.json from tools/corpus/selected.txt + the package list
// snapshot (npm.tsv) + one `npm view` look-up per selected package (cached in tools/corpus/.cache.json,
// so a re-run asks the npm registry only about packages it has not seen yet).
//
// Plain Node ESM, no dependencies.
//
//   node tools/corpus/build-corpus.mjs [--tsv PATH] [--offline] [--pause-ms 300]
//
//   --offline   never call npm; packages missing from the cache keep only the TSV fields.
//   --retag     re-derive only `features` of the entries already in packages.json from their own name, summary
//               and keywords (FEATURE_RULES), touching nothing else: no TSV, no cache, no network. Deterministic:
//               the same packages.json and rules give byte-identical output, and a second run changes nothing.
//
// Entry shape (see libs/corpus/data/README.md):
//   { id, name, summary, keywords[], monthlyDownloads, license?, version, lastPublished?, homepage?,
//     repository?, features[] }

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const args = process.argv.slice(2);
const argVal = (flag, dflt) => {
  const i = args.indexOf(flag);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const TSV = argVal('--tsv', process.env.CORPUS_TSV || '/work/.library/env/packages/npm.tsv');
const SELECTED = join(here, 'selected.txt');
const CACHE = join(here, '.cache.json');
const OUT = join(root, 'libs', 'corpus', 'data', 'packages.json');
const OFFLINE = args.includes('--offline');
const RETAG = args.includes('--retag');
const PAUSE_MS = Number(argVal('--pause-ms', '300'));

const MAX_SUMMARY = 2000;
const MAX_KEYWORDS = 32;
const MAX_KEYWORD_LEN = 60;

// ---------------------------------------------------------------------------------------------------
// Feature table. A package gets a feature when any of its patterns matches the search text
//   "<name> <name with @ / _ - turned into spaces> <summary> | <keyword> | <keyword> ..."
// (lower-cased; "in-memory" is rewritten to "inmemory" first so it does not mean agent memory).
// `name` patterns are tested against the package name alone. The vocabulary is fixed: FEATURES.
// ---------------------------------------------------------------------------------------------------
export const FEATURES = [
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
];

export const FEATURE_RULES = {
  'tool-calling': {
    text: [
      /\btool[- ]?(calling|calls?|use|invocation|execution|schemas?|definitions?)\b/,
      /\bfunction[- ]?(calling|calls?|schemas?)\b/,
      /\b(ai|llm|agent|agentic) tools?\b/,
      /\btools? for (ai|llms?|agents?|ai agents)\b/,
      /\bagent (toolkit|tool protocol)\b/,
      /\b(composio|toolhouse|arcade)\b/,
    ],
  },
  'multi-agent': {
    text: [
      /\bmulti[- ]?agents?\b/,
      /\bswarms?\b/,
      /\bcrew(ai|s)?\b/,
      /\bsub-?agents?\b/,
      /\bsupervisor\b/,
      /\bagent (teams?|orchestration|handoffs?|collaboration|coordination)\b/,
      /\bhandoffs?\b/,
      /\b(agent-to-agent|a2a)\b/,
      /\borchestrat\w* (of )?(multiple |many )?(ai )?agents\b/,
    ],
  },
  rag: {
    text: [
      /\brag\b/,
      /\bretrieval\b/,
      /\bretriev(e|er|ers)\b/,
      /\bsemantic (search|cache|caching)\b/,
      /\bknowledge (base|bases|graph)\b/,
      /\bdocument (loaders?|parsing|readers?)\b/,
      /\b(llama-?index|llamaindex|llamaparse)\b/,
      /\bcontext retrieval\b/,
      /\brerank(er|ing)?\b/,
    ],
  },
  // A component of a RAG pipeline, not RAG itself: what splits a text into pieces before embedding it. Kept
  // apart from `rag` so a broad "retrieval augmented generation" goal can tell a splitter from a framework.
  chunking: {
    text: [
      /\btext[- ]?splitt(ers?|ing)\b/,
      /\b(document|text|markdown|code) splitt(ers?|ing)\b/,
      /\bchunk(s|ing|er|ers)?\b/,
      /\bsplit(s|ting)? (the )?(long )?(texts?|documents?|docs|markdown|pdfs?) into\b/,
      /\bnode[- ]parsers?\b/,
    ],
  },
  'vector-store': {
    text: [
      /\bvectors?\b/,
      /\bvector(store|stores|db|dbs|database|search)\b/,
      /\b(pinecone|qdrant|chroma|chromadb|weaviate|milvus|zilliz|lancedb|pgvector|turbopuffer|faiss|hnsw|vectra|orama)\b/,
      /\bsimilarity search\b/,
      /\bnearest[- ]neighbou?r\b/,
      /\bann index\b/,
    ],
    name: [/vector/],
  },
  embeddings: {
    text: [
      /\bembeddings?\b/,
      /\bembed(s)?\b/,
      /\bfastembed\b/,
      /\bsentence[- ]transformers?\b/,
      /\btext-embedding\b/,
      /\bvector embeddings?\b/,
    ],
    name: [/embed/],
  },
  memory: {
    text: [
      /\bmemory\b/,
      /\bmemories\b/,
      /\b(chat|conversation|message) history\b/,
      /\bcheckpoint(s|er|ers|ing|savers?)?\b/,
      /\bpersistent (chat|threads?|state|context)\b/,
      /\blong[- ]term (memory|context)\b/,
      /\b(mem0|zep|letta|supermemory|memgpt)\b/,
      /\bpersist context\b/,
    ],
  },
  streaming: {
    text: [
      /\bstream(s|ed|ing|able)?\b/,
      /\bsse\b/,
      /\bserver-sent events\b/,
      /\breal-?time\b/,
      /\bpartial json\b/,
      /\beventstream\b/,
      /\bwebsockets?\b/,
    ],
  },
  'structured-output': {
    text: [
      /\bstructured (outputs?|data extraction|generation|responses?|json)\b/,
      /\bjson[- ]?schemas?\b/,
      /\bzod\b/,
      /\bjson mode\b/,
      /\b(partial|malformed) json\b/,
      /\bjson (repair|parser|parsing|extraction)\b/,
      /\btype-?safe (outputs?|responses?|schemas?)\b/,
      /\binstructor\b/,
      /\btypechat\b/,
      /\bschema (compat|compatibility)\b/,
      /\btoon\b/,
      /\bfunction schemas?\b/,
    ],
  },
  mcp: {
    text: [/\bmcp\b/, /\bmodel ?context ?protocol\b/, /\bwebmcp\b/, /\bmcp-(ui|apps?|servers?|clients?)\b/],
    name: [/mcp/, /^@modelcontextprotocol\//],
  },
  workflows: {
    text: [
      /\bworkflows?\b/,
      /\borchestrat(e|es|ion|or|ors|ing)\b/,
      /\bpipelines?\b/,
      /\blanggraph\b/,
      /\bstate ?graphs?\b/,
      /\bgraph-based\b/,
      /\bstep functions?\b/,
      /\bdurable (execution|agents?|workflows?)\b/,
      /\bstate machines?\b/,
      /\bchains?\b/,
      /\bagent loops?\b/,
      /\bagentic loop\b/,
      /\bn8n\b/,
      /\binngest\b/,
    ],
  },
  observability: {
    text: [
      /\bobservability\b/,
      /\btrac(e|es|ing|er)\b/,
      /\btelemetry\b/,
      /\bopentelemetry\b/,
      /\botel\b/,
      /\bmonitor(s|ing)?\b/,
      /\banalytics\b/,
      /\bmetrics\b/,
      /\binstrumentation\b/,
      /\bsemantic conventions\b/,
      /\b(langfuse|langsmith|traceloop|openinference|helicone|phoenix|opik|laminar|braintrust|langwatch)\b/,
      /\b(cost|token|usage) (tracking|counting|calculation|estimation)\b/,
      /\bcalculate (the )?(prices?|costs?)\b/,
      /\bdevtools\b/,
      /\bdebug(ging)?\b/,
      /\blogging\b/,
      /\bpricing\b/,
    ],
  },
  evals: {
    text: [
      /\bevals?\b/,
      /\bevaluat(e|es|ion|ions|or|ors|ing)\b/,
      /\bbenchmarks?\b/,
      /\bscor(ing|ers?)\b/,
      /\bllm[- ]as[- ](a[- ])?judge\b/,
      /\bred[- ]?team(ing)?\b/,
      /\b(promptfoo|autoevals|evalite|braintrust)\b/,
      /\btest(s|ing)? (ai|llm|llms|agents?|ai agents|prompts?)\b/,
      /\b(ai|llm|agent) test(s|ing)?\b/,
      /\bscenarios?\b/,
      /\bregression tests?\b/,
    ],
  },
  'prompt-management': {
    text: [
      /\bprompt (templates?|templating|management|engineering|registry|hub|versioning|library|optimi[sz]ation|files?|caching)\b/,
      /\bprompts? as code\b/,
      /\b(llm|ai) prompts?\b/,
      /\bdotprompt\b/,
      /\blangchain ?hub\b/,
      /\bjinja\b/,
      /\bmeta-prompting\b/,
      /\bcontext engineering\b/,
      /\btemplate language\b/,
      /\bprompt-tsx\b/,
      /\bpromptbook\b/,
      /\b(cursor|windsurf|agent) rules\b/,
      /\bskills?\b/,
      /\| prompts? \|/,
    ],
  },
  'browser-automation': {
    text: [
      /\bbrowsers? (automation|agents?|use|control|sessions?)\b/,
      /\bplaywright\b/,
      /\bpuppeteer\b/,
      /\bselenium\b/,
      /\bweb ?driver\b/,
      /\bchrome devtools\b/,
      /\b(stagehand|browserbase|browsermcp|browser-use|steel)\b/,
      /\bcomputer[- ]use\b/,
      /\bheadless\b/,
      /\bdesktop automation\b/,
      /\bend-to-end testing\b/,
    ],
  },
  // Getting the web's content for a program: scraping and crawling APIs, web search APIs. Kept apart from
  // `browser-automation`, which drives a browser: a crawling or search API does not click through pages.
  'web-scraping': {
    text: [
      /\bweb[- ]?scrap(e|er|ers|es|ing)\b/,
      /\bscrap(e|er|ers|es|ing)\b/,
      /\bcrawl(s|er|ers|ing)?\b/,
      /\bweb[- ]?search(es|ing)?\b/,
      /\bsearch(es|ing)? the web\b/,
      /\bmeta[- ]?search engines?\b/,
      /\b(search|serp) api\b/,
      /\bweb (data|content|pages?) (extraction|fetching)\b/,
      /\b(tavily|exa|firecrawl|serpapi|searxng|jina reader)\b/,
    ],
  },
  'code-generation': {
    text: [
      /\bcod(e|ing) (agents?|assistants?|generation|gen|completion|editing|execution|interpreter|review)\b/,
      /\bcodegen\b/,
      /\bpair programmer\b/,
      /\bgithub copilot\b/,
      /\bcopilot (cli|chat|coding)\b/,
      /\bclaude code\b/,
      /\bcodex\b/,
      /\bgemini cli\b/,
      /\bopencode\b/,
      /\bcline\b/,
      /\bcursor\b/,
      /\bqwen code\b/,
      /\bgenerat(e|es|ing) (executable |source )?code\b/,
      /\bautocomplete code\b/,
      /\bcodebase\b/,
      /\bcode sandbox(es)?\b/,
      /\bcode mode\b/,
      /\bvibe[- ]coding\b/,
    ],
  },
  typescript: {
    text: [/\btypescript\b/, /\btype-?safe\b/, /\bfully typed\b/, /\btypings\b/, /\bts\b/],
  },
  'local-models': {
    text: [
      /\bollama\b/,
      /\bllama\.?cpp\b/,
      /\bllama-cpp\b/,
      /\bgguf\b/,
      /\blm ?studio\b/,
      /\bvllm\b/,
      /\blocal (models?|llms?|inference|ai|embeddings?)\b/,
      /\b(models?|llms?) (run(ning)? )?locally\b/,
      /\bon-device\b/,
      /\boffline\b/,
      /\b(run|runs|running) [^.|]{0,40}\b(directly )?in (the|your) browser\b/,
      /\bwebgpu\b/,
      /\bweb-?llm\b/,
      /\btransformers\.js\b/,
      /\bonnx\b/,
      /\bself-hosted (models?|llms?)\b/,
      /\bruns? local on cpu\b/,
    ],
  },
  multimodal: {
    text: [
      /\bmulti-?modal\b/,
      /\bvision\b/,
      /\bimage (generation|understanding|analysis|inputs?|editing)\b/,
      /\btext-to-(image|video)\b/,
      /\bdall-?e\b/,
      /\bstable diffusion\b/,
      /\bstability ai\b/,
      /\bimagen\b/,
      /\bocr\b/,
      /\bvideo (generation|understanding)\b/,
      /\bmoondream\b/,
      /\bimages?,? (and |& )?(audio|video)\b/,
    ],
  },
  voice: {
    text: [
      /\bvoice\b/,
      /\bspeech\b/,
      /\btts\b/,
      /\bstt\b/,
      /\btext-to-speech\b/,
      /\bspeech-to-text\b/,
      /\btranscri(be|bes|bing|ption)\b/,
      /\bwhisper\b/,
      /\baudio\b/,
      /\b(elevenlabs|deepgram|playht|assemblyai|livekit)\b/,
      /\brealtime (api|audio|agents?)\b/,
    ],
  },
  guardrails: {
    text: [
      /\bguardrails?\b/,
      /\bprompt injection\b/,
      /\bjailbreaks?\b/,
      /\bpii\b/,
      /\bmoderation\b/,
      /\bsafety\b/,
      /\bsandbox(es|ed|ing)?\b/,
      /\bprovenance\b/,
      /\bsafe and reliable\b/,
      /\bredact(s|ion|ing)?\b/,
      /\bcontent filter(s|ing)?\b/,
      /\bsecurity (boundaries|policies|policy|suite|for llms?)\b/,
      /\bsecurity\b.*\b(llm|ai|agents?)\b/,
    ],
  },
};

export function featuresOf({ name, summary, keywords }) {
  const n = name.toLowerCase();
  const kws = (keywords || []).flatMap((k) => (/[-_]/.test(k) ? [k, k.replace(/[-_]+/g, ' ')] : [k]));
  const text = [
    n,
    n.replace(/[@/_-]+/g, ' '),
    (summary || '').toLowerCase(),
    '|',
    ...kws.flatMap((k) => [k, '|']),
  ]
    .join(' ')
    .replace(/\bin-memory\b/g, 'inmemory');
  const out = [];
  for (const f of FEATURES) {
    const rule = FEATURE_RULES[f];
    if ((rule.text || []).some((re) => re.test(text)) || (rule.name || []).some((re) => re.test(n)))
      out.push(f);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Field normalisation
// ---------------------------------------------------------------------------------------------------

// Package-registry web hosts are never written into the corpus: links to them are dropped and any
// mention in text is replaced. Matches hosts like npmXX.com / .org and yarnXX.com / .org.
const REGISTRY_HOST = /(^|\.)(npm[a-z]*|yarn[a-z]*)\.(com|org)$/i;
const REGISTRY_HOST_IN_TEXT =
  /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)*(?:npm[a-z]*|yarn[a-z]*)\.(?:com|org)\b[^\s)\]]*/gi;
const scrubText = (s) => s.replace(REGISTRY_HOST_IN_TEXT, 'the npm registry');

export const slug = (name) => name.replace(/@/g, '').replace(/\//g, '__').toLowerCase();

function httpUrl(u) {
  if (typeof u !== 'string' || !u.trim()) return undefined;
  try {
    const url = new URL(u.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (REGISTRY_HOST.test(url.hostname)) return undefined;
    return u.trim();
  } catch {
    return undefined;
  }
}

export function normalizeRepo(raw) {
  if (!raw) return undefined;
  let u = typeof raw === 'object' ? raw.url : raw;
  if (typeof u !== 'string') return undefined;
  u = u.trim();
  const short = /^(github|gitlab|bitbucket):([\w.-]+\/[\w.-]+)$/.exec(u) || /^([\w.-]+\/[\w.-]+)$/.exec(u);
  if (short) {
    const host = { github: 'github.com', gitlab: 'gitlab.com', bitbucket: 'bitbucket.org' }[
      short[2] ? short[1] : 'github'
    ];
    u = `https://${host || 'github.com'}/${short[2] || short[1]}`;
  }
  u = u
    .replace(/^git\+/, '')
    .replace(/^git@([^:]+):/, 'https://$1/')
    .replace(/^(git|ssh|git\+ssh):\/\/(?:[^@/]+@)?/, 'https://')
    .replace(/^http:\/\/(github\.com|gitlab\.com|bitbucket\.org)\//, 'https://$1/')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return httpUrl(u);
}

function normalizeKeywords(raw) {
  let list = raw;
  if (typeof list === 'string') list = list.split(/[,;]/);
  if (!Array.isArray(list)) return [];
  const seen = new Set();
  const out = [];
  for (const k of list) {
    if (typeof k !== 'string') continue;
    const kw = scrubText(k.trim().toLowerCase().replace(/\s+/g, ' '));
    if (!kw || kw.length > MAX_KEYWORD_LEN || seen.has(kw)) continue;
    seen.add(kw);
    out.push(kw);
    if (out.length >= MAX_KEYWORDS) break;
  }
  return out;
}

function normalizeSummary(s) {
  if (typeof s !== 'string') return '';
  let t = scrubText(s.replace(/\s+/g, ' ').trim());
  if (t.length > MAX_SUMMARY) {
    const cut = t.slice(0, MAX_SUMMARY - 1);
    const sp = cut.lastIndexOf(' ');
    t = `${sp > MAX_SUMMARY * 0.8 ? cut.slice(0, sp) : cut}…`;
  }
  return t;
}

function normalizeLicense(l) {
  if (typeof l === 'string' && l.trim()) return l.trim();
  if (l && typeof l === 'object' && typeof l.type === 'string') return l.type.trim();
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// npm look-ups (cached)
// ---------------------------------------------------------------------------------------------------

// `repository` as well as `repository.url`: a package that gives its repository as a plain string
// ("github:owner/repo") has no repository.url. `time` as well as `time.modified`: where the registry
// answers without time.modified, the newest publish time of any version stands in for it.
const FIELDS = [
  'name',
  'description',
  'keywords',
  'license',
  'homepage',
  'repository.url',
  'repository',
  'time.modified',
  'time',
  'version',
];

function loadCache() {
  if (!existsSync(CACHE)) return {};
  try {
    return JSON.parse(readFileSync(CACHE, 'utf8'));
  } catch {
    console.warn('cache unreadable, starting empty');
    return {};
  }
}
function saveCache(cache) {
  const sorted = Object.fromEntries(
    Object.keys(cache)
      .sort()
      .map((k) => [k, cache[k]]),
  );
  // same layout as prettier would give, so a format check of the tree passes with the cache present
  writeFileSync(`${CACHE}.tmp`, formatJson(sorted));
  renameSync(`${CACHE}.tmp`, CACHE);
}

// Reduces a `npm view --json` answer to the fields the corpus uses (time -> newest publish date).
function reduceView(v) {
  if (typeof v === 'string') v = { name: v };
  const times = v.time && typeof v.time === 'object' ? Object.entries(v.time) : [];
  let modified = typeof v['time.modified'] === 'string' ? v['time.modified'] : undefined;
  if (!modified && times.length) {
    modified = times
      .map(([, t]) => t)
      .filter((t) => typeof t === 'string' && /^\d{4}-\d{2}-\d{2}/.test(t))
      .sort()
      .pop();
  }
  return {
    name: v.name,
    // registry host names are scrubbed here too, so not even the cache holds one
    description: typeof v.description === 'string' ? scrubText(v.description) : undefined,
    keywords: v.keywords,
    license: normalizeLicense(v.license),
    homepage: httpUrl(v.homepage),
    repository:
      v['repository.url'] ??
      (v.repository && typeof v.repository === 'object' ? v.repository.url : v.repository),
    modified,
    version: typeof v.version === 'string' ? v.version : undefined,
  };
}

function npmView(name) {
  try {
    const out = execFileSync('npm', ['view', name, ...FIELDS, '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (!out.trim()) return { error: 'EEMPTY' };
    return { ok: reduceView(JSON.parse(out)) };
  } catch (err) {
    let code = 'EFAIL';
    try {
      code = JSON.parse(err.stdout || '{}')?.error?.code || code;
    } catch {
      /* not JSON */
    }
    if (err.code === 'ETIMEDOUT' || err.signal) code = 'ETIMEDOUT';
    return { error: code };
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------
// Prettier-compatible JSON (objects expanded, string arrays on one line when they fit in 110 columns)
// ---------------------------------------------------------------------------------------------------

const PRINT_WIDTH = 110;
const charWidth = (cp) =>
  (cp >= 0x1100 && cp <= 0x115f) ||
  (cp >= 0x2e80 && cp <= 0xa4cf) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0xffe0 && cp <= 0xffe6) ||
  (cp >= 0x1f300 && cp <= 0x1faff) ||
  (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
const strWidth = (s) => [...s].reduce((w, ch) => w + charWidth(ch.codePointAt(0)), 0);

// Objects are always expanded (one key a line); arrays of primitives go on one line when that line fits.
function printJson(value, indent = '', head = '', tail = '') {
  const isPrimitive = (v) => v === null || typeof v !== 'object';
  if (isPrimitive(value)) return [indent + head + JSON.stringify(value) + tail];
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}${head}[]${tail}`];
    if (value.every(isPrimitive)) {
      const line = `${indent}${head}[${value.map((x) => JSON.stringify(x)).join(', ')}]${tail}`;
      if (strWidth(line) <= PRINT_WIDTH) return [line];
    }
    const lines = [`${indent}${head}[`];
    value.forEach((v, i) => lines.push(...printJson(v, inner, '', i < value.length - 1 ? ',' : '')));
    return [...lines, `${indent}]${tail}`];
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (keys.length === 0) return [`${indent}${head}{}${tail}`];
  const lines = [`${indent}${head}{`];
  keys.forEach((k, i) =>
    lines.push(...printJson(value[k], inner, `${JSON.stringify(k)}: `, i < keys.length - 1 ? ',' : '')),
  );
  return [...lines, `${indent}}${tail}`];
}
const formatJson = (value) => printJson(value).join('\n') + '\n';

// ---------------------------------------------------------------------------------------------------

function readTsv(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0].split('\t');
  const [iName, iVer, iDl, iSum] = ['name', 'version', 'downloads_a_month', 'summary'].map((c) =>
    header.indexOf(c),
  );
  const map = new Map();
  for (const line of lines.slice(1)) {
    if (!line) continue;
    const f = line.split('\t');
    map.set(f[iName], {
      version: f[iVer],
      downloads: Number.parseInt(f[iDl], 10) || 0,
      summary: f[iSum] || '',
    });
  }
  return map;
}

async function main() {
  const names = readFileSync(SELECTED, 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('#'));
  const tsv = readTsv(TSV);
  const cache = loadCache();
  const stats = {
    selected: names.length,
    lookedUp: 0,
    cached: 0,
    lookupFailed: 0,
    notInTsv: 0,
    dropped: [],
    templated: [],
  };

  let sinceSave = 0;
  for (const name of names) {
    if (!tsv.has(name)) {
      stats.notInTsv++;
      stats.dropped.push(`${name} (not in TSV)`);
      continue;
    }
    if (cache[name]) {
      stats.cached++;
      continue;
    }
    if (OFFLINE) continue;
    const res = npmView(name);
    stats.lookedUp++;
    // Only definite answers are cached (a 404 stays a 404); transient failures are retried next run.
    if (res.ok || res.error === 'E404') {
      cache[name] = res.ok
        ? { ...res.ok, fetched: new Date().toISOString().slice(0, 10) }
        : { error: res.error };
      if (++sinceSave >= 10) {
        saveCache(cache);
        sinceSave = 0;
      }
    }
    if (res.error) console.warn(`npm view ${name}: ${res.error}`);
    process.stdout.write(`\r${stats.lookedUp} looked up`);
    await sleep(PAUSE_MS);
  }
  if (stats.lookedUp) process.stdout.write('\n');
  saveCache(cache);

  const entries = [];
  for (const name of names) {
    const row = tsv.get(name);
    if (!row) continue;
    const hit = cache[name] && !cache[name].error ? cache[name] : undefined;
    if (!hit) stats.lookupFailed++;
    const keywords = normalizeKeywords(hit?.keywords);
    let summary = normalizeSummary(hit?.description) || normalizeSummary(row.summary);
    const repository = normalizeRepo(hit?.repository);
    // No description anywhere: a templated line from the package's own metadata (repository path and
    // keywords); a package with neither is left out.
    if (!summary) {
      const repoPath = repository ? new URL(repository).pathname.replace(/^\/+/, '') : '';
      const parts = [];
      if (repoPath) parts.push(`from the ${repoPath} repository`);
      if (keywords.length) parts.push(`keywords: ${keywords.join(', ')}`);
      if (parts.length) {
        summary = normalizeSummary(`${name} (no description published) - ${parts.join('; ')}.`);
        stats.templated.push(name);
      }
    }
    if (!summary) {
      stats.dropped.push(`${name} (no description, keywords or repository)`);
      continue;
    }
    const entry = { id: slug(name), name, summary, keywords, monthlyDownloads: row.downloads };
    if (hit?.license) entry.license = scrubText(hit.license);
    entry.version = hit?.version || row.version;
    if (hit?.modified && /^\d{4}-\d{2}-\d{2}/.test(hit.modified))
      entry.lastPublished = hit.modified.slice(0, 10);
    const homepage = httpUrl(hit?.homepage);
    if (homepage) entry.homepage = homepage;
    if (repository) entry.repository = repository;
    entry.features = featuresOf(entry);
    entries.push(entry);
  }

  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ids = new Set();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
    ids.add(e.id);
  }
  const json = formatJson(entries);
  if (REGISTRY_HOST_IN_TEXT.test(json))
    throw new Error('a package-registry host name slipped into the output');
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, json);

  console.log(
    `selected=${stats.selected} written=${entries.length} looked-up-now=${stats.lookedUp} from-cache=${stats.cached} ` +
      `without-registry-data=${stats.lookupFailed} bytes=${Buffer.byteLength(json)}`,
  );
  if (stats.templated.length)
    console.log(`templated summary (${stats.templated.length}): ${stats.templated.join(', ')}`);
  if (stats.dropped.length) console.log(`dropped (${stats.dropped.length}): ${stats.dropped.join('; ')}`);
  console.log(`wrote ${OUT}`);
}

// Re-derives `features` of the shipped entries from their own facts (after a change to FEATURE_RULES), so the
// tags can be refined without the look-up cache, which a fresh checkout does not have.
export function retagEntries(entries) {
  return entries.map((entry) => ({ ...entry, features: featuresOf(entry) }));
}

function retag() {
  const before = JSON.parse(readFileSync(OUT, 'utf8'));
  const after = retagEntries(before);
  const changed = after.filter((entry, i) => entry.features.join() !== before[i].features.join());
  for (const entry of changed) {
    const was = before.find((old) => old.id === entry.id).features;
    console.log(`${entry.name}: [${was.join(', ')}] -> [${entry.features.join(', ')}]`);
  }
  writeFileSync(OUT, formatJson(after));
  console.log(`retagged ${after.length} entries, ${changed.length} changed; wrote ${OUT}`);
}

// Run only when executed directly, so the feature table can be imported (e.g. by tests).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (RETAG) retag();
  else await main();
}
