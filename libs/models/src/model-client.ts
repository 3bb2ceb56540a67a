import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { ModelMessage, Tool, ToolSet } from 'ai';
import {
  generateText,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  Output,
  stepCountIs,
  tool,
  wrapLanguageModel,
} from 'ai';
import type { z } from 'zod';
import type { CallGate } from './call-gate.js';
import { isBudgetRefusal, isGateRefusal } from './call-gate.js';
import { classifyProviderError } from './provider-errors.js';
import { ModelCallError, ModelOutputError } from './errors.js';
import type { UsageSink } from './genai-telemetry.js';
import { genAiMiddleware, inGenAiSpan } from './genai-telemetry.js';
import type { ModelTarget } from './model-settings.js';
import { createLanguageModel } from './provider-factory.js';
import type { PromptTemplate } from './prompt.js';
import { correctionMessage } from './prompt.js';
import { describeSchemaFailure } from './schema-failure.js';

/**
 * The parsed output of a call, or why there is none: output that does not match the schema, or a model that
 * kept calling tools until the step limit and never answered (the correction then turns the tools off).
 */
function outputOf<T>(
  read: () => T,
  maxSteps: number,
): { value: T } | { errors: string[]; toolsExhausted: boolean } {
  try {
    return { value: read() };
  } catch (error) {
    if (NoObjectGeneratedError.isInstance(error))
      return { errors: [describeSchemaFailure(error.cause)], toolsExhausted: false };
    if (NoOutputGeneratedError.isInstance(error))
      return {
        errors: [
          `you called tools for ${maxSteps} steps (SWARM_MODEL_MAX_STEPS) without answering: answer now with the JSON object, calling no tool`,
        ],
        toolsExhausted: true,
      };
    throw error;
  }
}

/** Most characters of the model's last output a dead letter keeps. */
const MAX_LAST_OUTPUT_CHARS = 8_000;

/** One validated model call: a prompt, the output schema, and the brain's own rules. */
export interface CheckedCall<I, T> {
  readonly prompt: PromptTemplate<I>;
  readonly input: I;
  /** The output schema (zod): parsed before the brain's rules run. */
  readonly schema: z.ZodType<T>;
  /** The brain's rules on a parsed output (quotes occur in the page, citations resolve...): [] when valid. Pure. */
  readonly validate?: (output: T) => readonly string[];
  /** Tools the model may call (see `ModelClient.tool`); their results feed the same call. */
  readonly tools?: ToolSet;
  /** Aborted when the task is abandoned. */
  readonly signal?: AbortSignal;
}

/** A tool's executor: typed input in, a JSON-able result out. */
export type ToolExecutor<A> = (args: A) => Promise<unknown>;

/**
 * An agent's model: makes validated, self-correcting calls (`generateChecked`), traces every call as GenAI
 * spans and metrics, and reports each call's usage and cost to the agent's usage sink. Provider failures
 * become ModelCallError (retryable or not, with the provider's `Retry-After`) for the transport to settle.
 */
export class ModelClient {
  private readonly base: LanguageModelV3;

  constructor(
    readonly target: ModelTarget,
    private readonly onUsage: UsageSink,
    private readonly gate?: CallGate,
  ) {
    this.base = createLanguageModel(target);
  }

  /** `<provider>:<model>`, as it travels in events. */
  get id(): string {
    return this.target.id;
  }

  /**
   * Asks the model for output matching `call.schema`, checks it with `call.validate`, and on a failure asks again
   * with the errors, up to `SWARM_MODEL_MAX_CORRECTIONS` times.
   * @throws ModelOutputError when the output is still invalid after the last correction (permanent).
   * @throws ModelCallError when the provider fails (429/5xx/timeouts retryable; unknown model, refused key not).
   */
  async generateChecked<I, T>(call: CheckedCall<I, T>): Promise<T> {
    const { prompt, target } = { prompt: call.prompt, target: this.target };
    const model = wrapLanguageModel({
      model: this.base,
      middleware: genAiMiddleware({
        target,
        promptVersion: prompt.version,
        onUsage: this.onUsage,
        ...(this.gate ? { gate: this.gate } : {}),
      }),
    });
    const messages: ModelMessage[] = [{ role: 'user', content: prompt.render(call.input) }];
    let errors: readonly string[] = [];
    let lastOutput = '';
    let toolsDone = false;
    for (let attempt = 0; attempt <= target.maxCorrections; attempt++) {
      if (attempt > 0) messages.push({ role: 'user', content: correctionMessage(errors) });
      const timeout = AbortSignal.timeout(target.timeoutMs * (call.tools ? target.maxSteps : 1));
      const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
      let reply: { text: string; messages: ModelMessage[]; read: () => T };
      try {
        reply = await generateText({
          model,
          system: prompt.system,
          messages,
          output: Output.object({ schema: call.schema }),
          temperature: target.temperature,
          maxOutputTokens: target.maxOutputTokens,
          maxRetries: 0,
          abortSignal: signal,
          ...(call.tools
            ? {
                tools: call.tools,
                stopWhen: stepCountIs(target.maxSteps),
                ...(toolsDone ? { toolChoice: 'none' as const } : {}),
              }
            : {}),
        }).then((result) => ({
          text: result.text,
          messages: result.response.messages,
          read: (): T => result.output,
        }));
      } catch (error) {
        if (!NoObjectGeneratedError.isInstance(error)) {
          if (call.signal?.aborted || isGateRefusal(error)) throw error;
          throw classifyProviderError(error, {
            model: target.id,
            timedOut: timeout.aborted,
            timeoutMs: target.timeoutMs,
          });
        }
        lastOutput = error.text ?? '';
        errors = [describeSchemaFailure(error.cause)];
        messages.push({ role: 'assistant', content: lastOutput });
        continue;
      }
      lastOutput = reply.text;
      messages.push(...reply.messages);
      const output = outputOf(reply.read, target.maxSteps);
      if ('errors' in output) {
        errors = output.errors;
        toolsDone ||= output.toolsExhausted;
        continue;
      }
      errors = call.validate ? call.validate(output.value) : [];
      if (errors.length === 0) return output.value;
    }
    throw new ModelOutputError({
      model: target.id,
      promptVersion: prompt.version,
      lastOutput: lastOutput.slice(0, MAX_LAST_OUTPUT_CHARS),
      errors: errors.slice(0, 50).map((error) => error.slice(0, 1_000)),
    });
  }

  /**
   * A tool the model may call: its `execute` runs inside an `execute_tool <name>` span. A failing tool answers
   * the model with the error (so it can choose another source) instead of failing the call.
   */
  tool<S extends z.ZodType>(
    name: string,
    description: string,
    inputSchema: S,
    execute: ToolExecutor<z.output<S>>,
  ): Tool<z.output<S>, unknown> {
    return tool<z.output<S>, unknown>({
      description,
      inputSchema: inputSchema as z.ZodType<z.output<S>>,
      execute: (args: z.output<S>, options: { toolCallId: string }) =>
        inGenAiSpan(
          'execute_tool',
          name,
          { 'gen_ai.tool.name': name, 'gen_ai.tool.call.id': options.toolCallId },
          () =>
            execute(args).catch((error: unknown) => ({
              error: error instanceof Error ? error.message : String(error),
            })),
        ),
    });
  }

  /**
   * Runs the model-backed `work`; when it fails for good (invalid output after every correction, an unknown
   * model, a refused key) and the deployment set `SWARM_MODEL_FALLBACK=builtin`, answers with `builtin`
   * instead and records the fallback (with its reason) in the attempt's usage, so events and the report say so.
   * A goal whose budget is exhausted under the `degrade` policy is answered by the builtin whatever the setting.
   * Retryable failures are never answered by the builtin: the transport retries them.
   */
  async withFallback<T>(work: () => Promise<T>, builtin: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isBudgetRefusal(error) && error.policy === 'degrade') {
        this.recordFallback(`budget-exhausted: ${error.message}`);
        return builtin();
      }
      const failure = error as { retryable?: unknown; code?: unknown; message?: unknown };
      const permanent =
        (error instanceof ModelOutputError || error instanceof ModelCallError) && failure.retryable === false;
      if (!permanent || this.target.fallback !== 'builtin') throw error;
      this.recordFallback(`${String(failure.code)}: ${String(failure.message)}`);
      return builtin();
    }
  }

  /** Records in the attempt's usage that the builtin brain answered, and why (events and the report say so). */
  private recordFallback(reason: string): void {
    this.onUsage({
      model: this.target.id,
      promptVersions: [],
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      fallback: reason.slice(0, 1_000),
    });
  }

  /** Runs an agent's model-backed work inside an `invoke_agent <agent>` span. */
  invokeAgent<T>(agent: string, fn: () => Promise<T>): Promise<T> {
    return inGenAiSpan(
      'invoke_agent',
      agent,
      {
        'gen_ai.agent.name': agent,
        'gen_ai.provider.name': this.target.provider,
        'gen_ai.request.model': this.target.modelName,
      },
      fn,
    );
  }
}
