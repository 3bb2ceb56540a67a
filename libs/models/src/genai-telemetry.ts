import type { Attributes, Histogram, Span } from '@opentelemetry/api';
import { metrics, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { LanguageModelMiddleware } from 'ai';
import type { ModelUsage } from '@swarm/contracts';
import type { ModelTarget } from './model-settings.js';
import type { CallGate } from './call-gate.js';
import { estimateCall } from './call-gate.js';
import { costOf } from './pricing.js';
import { retryAfterMs } from './retry-after.js';

const tracer = trace.getTracer('@swarm/models');
/** The GenAI client metrics of the OpenTelemetry semantic conventions, created on first use. */
interface GenAiInstruments {
  readonly operationDuration: Histogram;
  readonly tokenUsage: Histogram;
}
let instruments: GenAiInstruments | undefined;

/** Bucket boundaries the GenAI conventions advise for each histogram. */
const DURATION_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];
const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];

/** The instruments, created on first use against the global meter provider (set at the agent's boot). */
function genAiMetrics(): GenAiInstruments {
  if (instruments) return instruments;
  const meter = metrics.getMeter('@swarm/models');
  instruments = {
    operationDuration: meter.createHistogram('gen_ai.client.operation.duration', {
      description: 'GenAI operation duration',
      unit: 's',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    }),
    tokenUsage: meter.createHistogram('gen_ai.client.token.usage', {
      description: 'Measures number of input and output tokens used',
      unit: '{token}',
      advice: { explicitBucketBoundaries: TOKEN_BUCKETS },
    }),
  };
  return instruments;
}

/** Where the usage of every model call goes (the agent wires it to its task attempt). */
export type UsageSink = (usage: ModelUsage) => void;

function serverOf(baseUrl: string | undefined): Attributes {
  if (!baseUrl) return {};
  try {
    const url = new URL(baseUrl);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    return { 'server.address': url.hostname, 'server.port': port };
  } catch {
    return {};
  }
}

/**
 * AI SDK middleware that makes every provider request a `chat <model>` client span following the GenAI
 * semantic conventions, records the GenAI client metrics, and reports the call's usage and cost to `onUsage`.
 * Message contents go on the span only when the deployment opted in (`captureContent`).
 */
export function genAiMiddleware(options: {
  readonly target: ModelTarget;
  readonly promptVersion: string;
  readonly onUsage: UsageSink;
  /** Reserves each request's estimate before it starts (the goal's budget); absent: nothing is reserved. */
  readonly gate?: CallGate;
}): LanguageModelMiddleware {
  const { target } = options;
  const base: Attributes = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': target.provider,
    'gen_ai.request.model': target.modelName,
    ...serverOf(target.baseUrl),
  };
  return {
    specificationVersion: 'v3',
    wrapGenerate: async ({ doGenerate, params }) => {
      const ticket = await options.gate?.(
        estimateCall(params.prompt, target),
        params.abortSignal ? { signal: params.abortSignal } : {},
      );
      const started = performance.now();
      const span = tracer.startSpan(`chat ${target.modelName}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          ...base,
          'gen_ai.request.temperature': target.temperature,
          'gen_ai.request.max_tokens': target.maxOutputTokens,
          'swarm.prompt.version': options.promptVersion,
          ...(ticket?.waitedMs ? { 'swarm.rate_limit.wait_ms': Math.round(ticket.waitedMs) } : {}),
        },
      });
      if (target.captureContent) span.setAttribute('gen_ai.input.messages', JSON.stringify(params.prompt));
      try {
        const result = await doGenerate();
        const input = result.usage.inputTokens.total ?? 0;
        const output = result.usage.outputTokens.total ?? 0;
        span.setAttributes({
          'gen_ai.response.model': result.response?.modelId ?? target.modelName,
          'gen_ai.usage.input_tokens': input,
          'gen_ai.usage.output_tokens': output,
          'gen_ai.response.finish_reasons': [result.finishReason.unified],
          ...(result.response?.id ? { 'gen_ai.response.id': result.response.id } : {}),
        });
        if (target.captureContent)
          span.setAttribute('gen_ai.output.messages', JSON.stringify(result.content));
        const attributes = { ...base, 'gen_ai.response.model': result.response?.modelId ?? target.modelName };
        genAiMetrics().tokenUsage.record(input, { ...attributes, 'gen_ai.token.type': 'input' });
        genAiMetrics().tokenUsage.record(output, { ...attributes, 'gen_ai.token.type': 'output' });
        genAiMetrics().operationDuration.record((performance.now() - started) / 1_000, attributes);
        const costUsd = costOf({ input, output }, target.price);
        await ticket?.settle({ modelCalls: 1, tokens: input + output, costUsd });
        options.onUsage({
          model: target.id,
          promptVersions: [options.promptVersion],
          calls: 1,
          inputTokens: input,
          outputTokens: output,
          costUsd,
        });
        return result;
      } catch (error) {
        const rejected = rateLimitedBy(error);
        if (rejected) await ticket?.providerRateLimited?.(retryAfterMs(rejected.responseHeaders));
        await ticket?.settle({ modelCalls: 1, tokens: 0, costUsd: 0 });
        failSpan(span, error);
        genAiMetrics().operationDuration.record((performance.now() - started) / 1_000, {
          ...base,
          'error.type': errorType(error),
        });
        throw error;
      } finally {
        span.end();
      }
    },
  };
}

/**
 * The provider's 429 answer (an AI SDK `APICallError`, read by shape: this module must not load the AI SDK),
 * or undefined for any other failure.
 */
function rateLimitedBy(
  error: unknown,
): { readonly responseHeaders?: Readonly<Record<string, string>> } | undefined {
  const failure = error as { statusCode?: unknown; responseHeaders?: Record<string, string> } | null;
  return failure?.statusCode === 429 ? failure : undefined;
}

function errorType(error: unknown): string {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number') return String(status);
  return error instanceof Error ? error.name : 'error';
}

function failSpan(span: Span, error: unknown): void {
  span.setAttribute('error.type', errorType(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

/** Runs `fn` in a span named `<operation> <name>` (e.g. `invoke_agent ranker`, `execute_tool corpus`). */
export async function inGenAiSpan<T>(
  operation: 'invoke_agent' | 'execute_tool',
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(
    `${operation} ${name}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: { 'gen_ai.operation.name': operation, ...attributes },
    },
    async (span) => {
      try {
        return await fn();
      } catch (error) {
        failSpan(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
