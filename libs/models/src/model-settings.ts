import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ModelConfigError } from './errors.js';
import type { ModelRateLimit } from './rate-limit-settings.js';
import { RateLimitEnv, rateLimitOf } from './rate-limit-settings.js';

/** Providers an agent may use. `builtin` is the agent's deterministic code: no network, no key. */
export const MODEL_PROVIDERS = ['builtin', 'openai-compatible', 'openai', 'anthropic'] as const;
/** A model provider name. */
export type ModelProvider = (typeof MODEL_PROVIDERS)[number];

/** Providers that cannot be called without an API key. */
const KEYED_PROVIDERS: readonly ModelProvider[] = ['openai', 'anthropic'];

const number = (min: number, max: number) => z.coerce.number().min(min).max(max);
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/**
 * The model settings every agent reads from its environment (each agent process has its own, so each agent can
 * use another model). Defaults: the builtin brain, temperature 0, 2048 output tokens, 60 s per call, 2
 * corrections, 6 tool-calling steps, no price (cost 0), no fallback, message contents not captured, no rate
 * limit.
 */
export const ModelEnv = z.object({
  /** `builtin` or `<provider>:<model>`, e.g. `openai-compatible:llama3.1`, `openai:gpt-4.1-mini`. */
  SWARM_MODEL: z.string().trim().min(1).default('builtin'),
  /** The provider's base URL (`http://localhost:11434/v1` for Ollama); required for `openai-compatible`. */
  SWARM_MODEL_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The API key, given directly (prefer SWARM_MODEL_API_KEY_FILE: a mounted secret). Never logged. */
  SWARM_MODEL_API_KEY: z.string().min(1).optional(),
  /** A file holding the API key (a mounted Kubernetes secret); read once at boot, surrounding space trimmed. */
  SWARM_MODEL_API_KEY_FILE: z.string().min(1).optional(),
  SWARM_MODEL_TEMPERATURE: number(0, 2).default(0),
  SWARM_MODEL_MAX_OUTPUT_TOKENS: whole(1, 200_000).default(2_048),
  /** One model call's time limit (a tool-calling call counts each step's request separately). */
  SWARM_MODEL_TIMEOUT_MS: whole(1_000, 600_000).default(60_000),
  /** How many times a brain asks again with the validation errors before it gives up (0 = never). */
  SWARM_MODEL_MAX_CORRECTIONS: whole(0, 10).default(2),
  /** Most tool-calling steps one model call may take (the search brain calls its sources as tools). */
  SWARM_MODEL_MAX_STEPS: whole(1, 20).default(6),
  /** US dollars per million input tokens, for cost accounting (0: cost is not counted). */
  SWARM_MODEL_PRICE_INPUT_PER_MTOK: number(0, 10_000).default(0),
  /** US dollars per million output tokens. */
  SWARM_MODEL_PRICE_OUTPUT_PER_MTOK: number(0, 10_000).default(0),
  /** `none` dead-letters a task whose model output stays invalid; `builtin` uses the builtin brain instead. */
  SWARM_MODEL_FALLBACK: z.enum(['none', 'builtin']).default('none'),
  /** Ask an `openai-compatible` server for JSON-schema structured output (`false`: plain JSON mode). */
  SWARM_MODEL_STRUCTURED_OUTPUTS: flag.default(true),
  /** The OpenTelemetry GenAI opt-in: put prompts and outputs on spans. Off by default: contents stay in. */
  OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT: flag.default(false),
  /** The swarm-wide rate limit (SWARM_MODEL_RATE_LIMIT_*): see rate-limit-settings.ts. */
  ...RateLimitEnv,
});

/** A model a deployment pointed an agent at. The key is a secret: never log, trace or publish it. */
export interface ModelTarget {
  readonly provider: Exclude<ModelProvider, 'builtin'>;
  /** The provider's model name, e.g. `llama3.1`. */
  readonly modelName: string;
  /** `<provider>:<model>`, the id that travels in events and dead letters. */
  readonly id: string;
  readonly baseUrl: string | undefined;
  readonly apiKey: string | undefined;
  readonly temperature: number;
  readonly maxOutputTokens: number;
  readonly timeoutMs: number;
  readonly maxCorrections: number;
  readonly maxSteps: number;
  readonly price: { readonly inputPerMTok: number; readonly outputPerMTok: number };
  readonly fallback: 'none' | 'builtin';
  readonly structuredOutputs: boolean;
  readonly captureContent: boolean;
  /** The swarm-wide rate limit every replica on its key shares; undefined: not limited. */
  readonly rateLimit?: ModelRateLimit;
}

/** An agent's model settings: the builtin brain, or a model. */
export type ModelSettings = { readonly provider: 'builtin' } | ModelTarget;

/** Splits `<provider>:<model>`; the model part may itself hold `:` (e.g. `llama3.1:8b`). Pure. */
export function parseModelSpec(spec: string): { provider: ModelProvider; modelName: string } | string {
  if (spec === 'builtin') return { provider: 'builtin', modelName: '' };
  const colon = spec.indexOf(':');
  const provider = colon < 0 ? spec : spec.slice(0, colon);
  const modelName = colon < 0 ? '' : spec.slice(colon + 1).trim();
  if (!(MODEL_PROVIDERS as readonly string[]).includes(provider))
    return `unknown model provider "${provider}"; use builtin or <provider>:<model> with provider one of ${MODEL_PROVIDERS.filter((p) => p !== 'builtin').join(', ')}`;
  if (provider === 'builtin') return `builtin takes no model name, got "${spec}"`;
  if (modelName === '') return `"${spec}" names no model: use ${provider}:<model>`;
  return { provider: provider as ModelProvider, modelName };
}

/**
 * Parses an agent's model settings once at boot. Reads the key file when one is named.
 * @throws ModelConfigError naming every bad variable (never printing a key).
 */
export function parseModelSettings(
  env: Readonly<Record<string, string | undefined>>,
  readSecret: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ModelSettings {
  // An empty variable is an unset one (compose's `${VAR:-}`, an empty ConfigMap entry).
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = ModelEnv.safeParse(given);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message.toLowerCase()}`)
      .join('; ');
    throw new ModelConfigError(`invalid model configuration: ${detail}`);
  }
  const settings = parsed.data;
  const spec = parseModelSpec(settings.SWARM_MODEL);
  if (typeof spec === 'string')
    throw new ModelConfigError(`invalid model configuration: SWARM_MODEL: ${spec}`);
  if (spec.provider === 'builtin') return { provider: 'builtin' };
  const problems: string[] = [];
  if (spec.provider === 'openai-compatible' && !settings.SWARM_MODEL_BASE_URL)
    problems.push('SWARM_MODEL_BASE_URL: required for openai-compatible (e.g. http://localhost:11434/v1)');
  if (settings.SWARM_MODEL_API_KEY && settings.SWARM_MODEL_API_KEY_FILE)
    problems.push('SWARM_MODEL_API_KEY_FILE: set either it or SWARM_MODEL_API_KEY, not both');
  let apiKey = settings.SWARM_MODEL_API_KEY;
  if (settings.SWARM_MODEL_API_KEY_FILE) {
    try {
      apiKey = readSecret(settings.SWARM_MODEL_API_KEY_FILE).trim();
      if (apiKey === '')
        problems.push(`SWARM_MODEL_API_KEY_FILE: ${settings.SWARM_MODEL_API_KEY_FILE} is empty`);
    } catch (error) {
      problems.push(
        `SWARM_MODEL_API_KEY_FILE: cannot read ${settings.SWARM_MODEL_API_KEY_FILE} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  if (KEYED_PROVIDERS.includes(spec.provider) && !apiKey)
    problems.push(`SWARM_MODEL_API_KEY: ${spec.provider} needs an API key (or SWARM_MODEL_API_KEY_FILE)`);
  if (problems.length > 0) throw new ModelConfigError(`invalid model configuration: ${problems.join('; ')}`);
  // A hosted provider without a base URL is one endpoint: its name stands for the URL in the limiter key.
  const rateLimit = rateLimitOf(settings, {
    provider: spec.provider,
    baseUrl: settings.SWARM_MODEL_BASE_URL ?? `default:${spec.provider}`,
    apiKey: apiKey || undefined,
  });
  return {
    provider: spec.provider,
    modelName: spec.modelName,
    id: `${spec.provider}:${spec.modelName}`,
    baseUrl: settings.SWARM_MODEL_BASE_URL,
    apiKey: apiKey || undefined,
    temperature: settings.SWARM_MODEL_TEMPERATURE,
    maxOutputTokens: settings.SWARM_MODEL_MAX_OUTPUT_TOKENS,
    timeoutMs: settings.SWARM_MODEL_TIMEOUT_MS,
    maxCorrections: settings.SWARM_MODEL_MAX_CORRECTIONS,
    maxSteps: settings.SWARM_MODEL_MAX_STEPS,
    price: {
      inputPerMTok: settings.SWARM_MODEL_PRICE_INPUT_PER_MTOK,
      outputPerMTok: settings.SWARM_MODEL_PRICE_OUTPUT_PER_MTOK,
    },
    fallback: settings.SWARM_MODEL_FALLBACK,
    structuredOutputs: settings.SWARM_MODEL_STRUCTURED_OUTPUTS,
    captureContent: settings.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT,
    ...(rateLimit ? { rateLimit } : {}),
  };
}

/** The settings as they may be shown (health endpoint, logs): everything but the key. Pure. */
export function describeModel(settings: ModelSettings): string {
  return settings.provider === 'builtin' ? 'builtin' : settings.id;
}
