/**
 * The Anthropic Messages API wire format of the scripted model server (`POST /v1/messages`, non-streaming):
 * `x-api-key` keys, a required `anthropic-version` header, `{ type: 'error', error: { type, message } }`
 * errors, and scripted replies as `message` objects with content blocks. Pure: the server is the thin edge.
 */
import { forcedJsonTool, toScriptedAnthropicRequest } from './scripted-anthropic-request.js';
import { promptChars } from './scripted-model-script.js';
import type {
  ScriptedChatRequest,
  ScriptedHttpResponse,
  ScriptedResponseContext,
  ScriptedUsage,
} from './scripted-model-script.js';
import type { AnsweredReply, ScriptedWireFormat } from './scripted-wire-format.js';

/** Anthropic's error type for each status it documents; other statuses fall back by class. */
const ERROR_TYPES: Readonly<Record<number, string>> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/** A scripted `finishReason` in the Chat Completions vocabulary, as Anthropic's `stop_reason`. */
const STOP_REASONS: Readonly<Record<string, string>> = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
};

/**
 * An Anthropic-shaped error answer: `{ type: 'error', error: { type, message } }`, `type` defaulting to the
 * status's documented type (`overloaded_error` for 529, `rate_limit_error` for 429, `not_found_error` for
 * 404, `api_error` for another 5xx, `invalid_request_error` for another 4xx), and `retry-after` when given.
 */
export function anthropicErrorResponse(
  status: number,
  message: string,
  options: { type?: string; retryAfterSeconds?: number } = {},
): ScriptedHttpResponse {
  const type = options.type ?? ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  const headers: Record<string, string> =
    options.retryAfterSeconds === undefined ? {} : { 'retry-after': String(options.retryAfterSeconds) };
  return { status, headers, body: { type: 'error', error: { type, message } } };
}

/**
 * Turns a scripted reply into the Anthropic answer to `request`:
 * - `text`: one `text` block, `stop_reason` from `finishReason` (`stop` -> `end_turn`, `length` ->
 *   `max_tokens`, `tool_calls` -> `tool_use`, `content_filter` -> `refusal`, anything else as given);
 * - `json`: when the request forces the `json` tool, one `tool_use` block named `json` with `input = value`
 *   and `stop_reason: 'tool_use'` (the AI SDK reads it as the output); otherwise one `text` block with
 *   `JSON.stringify(value)` and `stop_reason: 'end_turn'` (native `output_config.format`);
 * - `tool-calls`: one `tool_use` block per call (ids `toolu_<n>`, `input = args`), `stop_reason: 'tool_use'`;
 * - `error`: {@link anthropicErrorResponse} (`code` is an OpenAI field and is not sent).
 * Without scripted usage, tokens are estimated like the Chat Completions answer (chars / 4).
 */
export function anthropicReplyToResponse(
  reply: AnsweredReply,
  request: ScriptedChatRequest,
  context: ScriptedResponseContext,
): ScriptedHttpResponse {
  switch (reply.kind) {
    case 'error':
      return anthropicErrorResponse(reply.status, reply.message, reply);
    case 'text': {
      const finish = reply.finishReason;
      const stopReason = finish === undefined ? 'end_turn' : (STOP_REASONS[finish] ?? finish);
      return message(
        request,
        context,
        reply,
        [{ type: 'text', text: reply.text }],
        reply.text.length,
        stopReason,
      );
    }
    case 'json': {
      if (forcedJsonTool(request.body) !== undefined) {
        const block = toolUse(`toolu_${context.firstToolCallNumber}`, 'json', reply.value);
        return message(request, context, reply, [block], argumentChars(reply.value), 'tool_use');
      }
      const text = JSON.stringify(reply.value) ?? 'null';
      return message(request, context, reply, [{ type: 'text', text }], text.length, 'end_turn');
    }
    case 'tool-calls': {
      const blocks = reply.calls.map((call, i) =>
        toolUse(`toolu_${context.firstToolCallNumber + i}`, call.name, call.args),
      );
      const chars = reply.calls.reduce((sum, call) => sum + argumentChars(call.args), 0);
      return message(request, context, reply, blocks, chars, 'tool_use');
    }
  }
}

/**
 * Anthropic Messages (`POST /v1/messages`): the key in `x-api-key` (401 `authentication_error`), an
 * `anthropic-version` header, `model`, `max_tokens` and `messages` required (400 `invalid_request_error`),
 * `stream: true` refused, an unknown model 404 `not_found_error`.
 */
export const ANTHROPIC_MESSAGES_FORMAT: ScriptedWireFormat = {
  toRequest: toScriptedAnthropicRequest,
  authorize: (headers, apiKey) =>
    // Never echo the presented key: tests assert where keys do and do not appear.
    headers['x-api-key'] === apiKey ? undefined : anthropicErrorResponse(401, 'invalid x-api-key'),
  refuse: (request) => {
    const problem = refusal(request);
    return problem === undefined ? undefined : anthropicErrorResponse(400, problem);
  },
  error: anthropicErrorResponse,
  unknownModel: (model) => anthropicErrorResponse(404, `model: ${model}`),
  reply: anthropicReplyToResponse,
  toolCallIdsUsed: (reply, request) => {
    if (reply.kind === 'tool-calls') return reply.calls.length;
    return reply.kind === 'json' && forcedJsonTool(request.body) !== undefined ? 1 : 0;
  },
};

function refusal(request: ScriptedChatRequest): string | undefined {
  if (request.headers['anthropic-version'] === undefined) return 'anthropic-version: header is required';
  if (request.body['stream'] === true) return 'streaming is not scripted';
  if (request.model === '') return 'model: field required';
  if (typeof request.body['max_tokens'] !== 'number') return 'max_tokens: field required';
  if (!Array.isArray(request.body['messages'])) return 'messages: field required';
  return undefined;
}

function toolUse(id: string, name: string, input: unknown): Record<string, unknown> {
  return { type: 'tool_use', id, name, input: input ?? {} };
}

function argumentChars(value: unknown): number {
  return (JSON.stringify(value) ?? 'null').length;
}

function message(
  request: ScriptedChatRequest,
  context: ScriptedResponseContext,
  reply: { readonly usage?: ScriptedUsage; readonly model?: string },
  content: readonly Record<string, unknown>[],
  completionChars: number,
  stopReason: string,
): ScriptedHttpResponse {
  return {
    status: 200,
    headers: {},
    body: {
      id: `msg_${context.completionNumber}`,
      type: 'message',
      role: 'assistant',
      model: reply.model ?? request.model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: {
        input_tokens: reply.usage?.input ?? Math.ceil(promptChars(request) / 4),
        output_tokens: reply.usage?.output ?? Math.ceil(completionChars / 4),
      },
    },
  };
}
