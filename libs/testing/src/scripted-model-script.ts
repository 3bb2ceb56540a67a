/**
 * What a test scripts for the scripted model server, and the pure translation of a scripted reply into an
 * OpenAI Chat Completions response (the Anthropic Messages one is in `scripted-anthropic.ts`). No I/O here:
 * the server in `scripted-model-server.ts` is the thin edge.
 */

/** Token counts a reply reports; when a reply leaves them out the server estimates them (chars / 4). */
export interface ScriptedUsage {
  readonly input: number;
  readonly output: number;
}

/** One chat message as the client sent it, flattened for assertions. */
export interface ScriptedMessage {
  readonly role: string;
  /** String content as sent, or the `text` parts of an array content joined with `'\n'` (`''` when null). */
  readonly content: string;
  readonly toolCalls?: readonly { id: string; name: string; arguments: string }[];
  readonly toolCallId?: string;
}

/**
 * One `POST /v1/chat/completions` or `POST /v1/messages` the server received, as recorded in
 * `ScriptedModelServer.requests`. An Anthropic request is flattened into the same shape (its `system` as a
 * first `system` message, `tool_result` blocks as `tool` messages): see `toScriptedAnthropicRequest`.
 */
export interface ScriptedChatRequest {
  readonly model: string;
  readonly messages: readonly ScriptedMessage[];
  /** The `tools` array as sent, when the body had one. */
  readonly tools?: readonly unknown[];
  /**
   * The structured output asked for. OpenAI: `response_format` as sent
   * (`{ type: 'json_schema', json_schema }` or `{ type: 'json_object' }`). Anthropic: `output_config.format`
   * as sent (`{ type: 'json_schema', schema }`), or `{ type: 'json_tool', schema }` when the request forces
   * the `json` tool.
   */
  readonly responseFormat?: unknown;
  /** Request headers, names lower-cased, repeated headers joined with `', '`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, untouched. */
  readonly body: Record<string, unknown>;
}

/**
 * What the server answers to one request:
 * - `text`: an assistant message with `content = text`, `finish_reason = finishReason ?? 'stop'`;
 * - `json`: an assistant message with `content = JSON.stringify(value)`, `finish_reason = 'stop'`;
 * - `tool-calls`: `content: null`, one `tool_calls` entry per call (ids `call_<n>`, unique per server,
 *   `arguments = JSON.stringify(args)`), `finish_reason = 'tool_calls'`;
 * - `error`: HTTP `status` with the OpenAI error body `{ error: { message, type, param: null, code } }` and a
 *   `Retry-After` header when `retryAfterSeconds` is given;
 * - `hang`: no answer at all until the client aborts or the server closes (for timeout tests).
 *
 * On `POST /v1/messages` the same kinds answer in the Anthropic Messages shape (see
 * `anthropicReplyToResponse`).
 */
export type ScriptedReply =
  | {
      readonly kind: 'text';
      readonly text: string;
      readonly usage?: ScriptedUsage;
      readonly model?: string;
      readonly finishReason?: string;
    }
  | {
      readonly kind: 'json';
      readonly value: unknown;
      readonly usage?: ScriptedUsage;
      readonly model?: string;
    }
  | {
      readonly kind: 'tool-calls';
      readonly calls: readonly { readonly name: string; readonly args: unknown }[];
      readonly usage?: ScriptedUsage;
      readonly model?: string;
    }
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly message: string;
      /** The error type (OpenAI `error.type`, Anthropic `error.type`); defaults by status. */
      readonly type?: string;
      /** OpenAI `error.code` only; the Anthropic shape has none. */
      readonly code?: string;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'hang' };

/**
 * Decides the reply to a request that no queued reply answered. `index` is the request's 0-based position in
 * `ScriptedModelServer.requests`. A throw or rejection is answered with a 500 naming the error.
 */
export type ScriptedResponder = (
  request: ScriptedChatRequest,
  index: number,
) => ScriptedReply | Promise<ScriptedReply>;

/** An HTTP answer ready to be written: status, extra headers and a JSON body. */
export interface ScriptedHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Numbers the server owns so that the translation stays pure. */
export interface ScriptedResponseContext {
  /** Goes into `id: 'chatcmpl-<n>'`. */
  readonly completionNumber: number;
  /** Unix seconds for `created`. */
  readonly createdSeconds: number;
  /** The first tool call of this reply gets `call_<firstToolCallNumber>`, the next one `+ 1`, and so on. */
  readonly firstToolCallNumber: number;
}

/**
 * An OpenAI-shaped error answer. `type` defaults to `server_error` for 5xx and `invalid_request_error`
 * otherwise; `code` defaults to `null`.
 */
export function scriptedErrorResponse(
  status: number,
  message: string,
  options: { type?: string; code?: string; retryAfterSeconds?: number } = {},
): ScriptedHttpResponse {
  const type = options.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
  const headers: Record<string, string> =
    options.retryAfterSeconds === undefined ? {} : { 'retry-after': String(options.retryAfterSeconds) };
  return { status, headers, body: { error: { message, type, param: null, code: options.code ?? null } } };
}

/**
 * Turns a scripted reply (anything but `hang`, which has no answer) into the HTTP answer for `request`.
 * Without scripted usage, `prompt_tokens = ceil(chars of all message contents and tool call arguments / 4)`
 * and `completion_tokens = ceil(chars of the answer content, or of all tool call arguments, / 4)`.
 */
export function scriptedReplyToResponse(
  reply: Exclude<ScriptedReply, { kind: 'hang' }>,
  request: ScriptedChatRequest,
  context: ScriptedResponseContext,
): ScriptedHttpResponse {
  switch (reply.kind) {
    case 'error':
      return scriptedErrorResponse(reply.status, reply.message, reply);
    case 'text':
      return completion(
        request,
        context,
        reply,
        { role: 'assistant', content: reply.text },
        reply.text.length,
        {
          finishReason: reply.finishReason ?? 'stop',
        },
      );
    case 'json': {
      const content = JSON.stringify(reply.value) ?? 'null';
      return completion(request, context, reply, { role: 'assistant', content }, content.length, {
        finishReason: 'stop',
      });
    }
    case 'tool-calls': {
      const toolCalls = reply.calls.map((call, i) => ({
        id: `call_${context.firstToolCallNumber + i}`,
        type: 'function' as const,
        function: { name: call.name, arguments: JSON.stringify(call.args) ?? 'null' },
      }));
      const argumentChars = toolCalls.reduce((sum, call) => sum + call.function.arguments.length, 0);
      const message = { role: 'assistant', content: null, tool_calls: toolCalls };
      return completion(request, context, reply, message, argumentChars, { finishReason: 'tool_calls' });
    }
  }
}

function completion(
  request: ScriptedChatRequest,
  context: ScriptedResponseContext,
  reply: { readonly usage?: ScriptedUsage; readonly model?: string },
  message: Record<string, unknown>,
  completionChars: number,
  options: { finishReason: string },
): ScriptedHttpResponse {
  const promptTokens = reply.usage?.input ?? Math.ceil(promptChars(request) / 4);
  const completionTokens = reply.usage?.output ?? Math.ceil(completionChars / 4);
  return {
    status: 200,
    headers: {},
    body: {
      id: `chatcmpl-${context.completionNumber}`,
      object: 'chat.completion',
      created: context.createdSeconds,
      model: reply.model ?? request.model,
      choices: [{ index: 0, message, finish_reason: options.finishReason }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
    },
  };
}

/** Characters of every message content and tool call argument of `request`: what usage is estimated from. */
export function promptChars(request: ScriptedChatRequest): number {
  let chars = 0;
  for (const message of request.messages) {
    chars += message.content.length;
    for (const call of message.toolCalls ?? []) chars += call.arguments.length;
  }
  return chars;
}
