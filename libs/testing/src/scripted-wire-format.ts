import { toScriptedChatRequest } from './scripted-chat-request.js';
import { scriptedErrorResponse, scriptedReplyToResponse } from './scripted-model-script.js';
import type {
  ScriptedChatRequest,
  ScriptedHttpResponse,
  ScriptedReply,
  ScriptedResponseContext,
} from './scripted-model-script.js';

/** A scripted reply the server answers (every kind but `hang`, which gets no answer at all). */
export type AnsweredReply = Exclude<ScriptedReply, { kind: 'hang' }>;

/**
 * One provider wire format the scripted model server speaks on one route: how a request is read and refused,
 * and how scripted replies and errors are written. Pure: the server owns the counters and the sockets.
 */
export interface ScriptedWireFormat {
  /** Reads a JSON object body into the record kept in `ScriptedModelServer.requests`. Lenient. */
  readonly toRequest: (
    body: Record<string, unknown>,
    headers: Readonly<Record<string, string>>,
  ) => ScriptedChatRequest;
  /** The 401 for a request that does not carry `apiKey` the way this format sends keys; else `undefined`. */
  readonly authorize: (
    headers: Readonly<Record<string, string>>,
    apiKey: string,
  ) => ScriptedHttpResponse | undefined;
  /** The 400 for a request the server will not script an answer to; `undefined` when it is answerable. */
  readonly refuse: (request: ScriptedChatRequest) => ScriptedHttpResponse | undefined;
  /** An error answer in this format's shape (`type` and `code` only where the format has them). */
  readonly error: (
    status: number,
    message: string,
    options?: { type?: string; code?: string; retryAfterSeconds?: number },
  ) => ScriptedHttpResponse;
  /** The 404 for a model outside `knownModels`. */
  readonly unknownModel: (model: string) => ScriptedHttpResponse;
  /** The answer to `request` for a scripted reply. */
  readonly reply: (
    reply: AnsweredReply,
    request: ScriptedChatRequest,
    context: ScriptedResponseContext,
  ) => ScriptedHttpResponse;
  /** How many tool call ids `reply` takes from the server's counter when it answers `request`. */
  readonly toolCallIdsUsed: (reply: AnsweredReply, request: ScriptedChatRequest) => number;
}

/**
 * OpenAI Chat Completions (`POST /v1/chat/completions`): Bearer keys, `{ error: { message, type, code } }`
 * errors.
 */
export const OPENAI_CHAT_FORMAT: ScriptedWireFormat = {
  toRequest: toScriptedChatRequest,
  authorize: (headers, apiKey) =>
    headers['authorization'] === `Bearer ${apiKey}`
      ? undefined
      : // Never echo the presented key: tests assert where keys do and do not appear.
        scriptedErrorResponse(401, 'incorrect api key provided', { code: 'invalid_api_key' }),
  refuse: (request) => {
    if (request.body['stream'] === true) {
      return scriptedErrorResponse(400, 'streaming is not scripted', { code: 'streaming_not_scripted' });
    }
    if (request.model === '') return scriptedErrorResponse(400, 'model must be a non-empty string');
    if (!Array.isArray(request.body['messages']))
      return scriptedErrorResponse(400, 'messages must be an array');
    return undefined;
  },
  error: scriptedErrorResponse,
  unknownModel: (model) =>
    scriptedErrorResponse(404, `the model '${model}' does not exist`, { code: 'model_not_found' }),
  reply: scriptedReplyToResponse,
  toolCallIdsUsed: (reply) => (reply.kind === 'tool-calls' ? reply.calls.length : 0),
};
