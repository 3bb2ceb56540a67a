import type { ScriptedChatRequest, ScriptedMessage } from './scripted-model-script.js';

/**
 * Reads a parsed Chat Completions body into the record the scripted model server keeps. Lenient on purpose:
 * the record must exist even for a body the server then rejects, so a missing `model` becomes `''` and a
 * missing `messages` becomes `[]`. Pure.
 */
export function toScriptedChatRequest(
  body: Record<string, unknown>,
  headers: Readonly<Record<string, string>>,
): ScriptedChatRequest {
  const messages = Array.isArray(body['messages']) ? body['messages'].map(toScriptedMessage) : [];
  return {
    model: typeof body['model'] === 'string' ? body['model'] : '',
    messages,
    ...(Array.isArray(body['tools']) ? { tools: body['tools'] as unknown[] } : {}),
    ...(body['response_format'] === undefined ? {} : { responseFormat: body['response_format'] }),
    headers,
    body,
  };
}

/** Collapses Node's incoming headers (some repeated, some arrays) into one string per lower-cased name. */
export function flattenHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function toScriptedMessage(raw: unknown): ScriptedMessage {
  const message = isRecord(raw) ? raw : {};
  const toolCalls = Array.isArray(message['tool_calls']) ? message['tool_calls'].map(toToolCall) : undefined;
  const toolCallId = message['tool_call_id'];
  return {
    role: typeof message['role'] === 'string' ? message['role'] : '',
    content: contentText(message['content']),
    ...(toolCalls === undefined ? {} : { toolCalls }),
    ...(typeof toolCallId === 'string' ? { toolCallId } : {}),
  };
}

/** A string as is; an array of parts as its `text` parts joined with `'\n'`; anything else as `''`. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((part): part is { type: 'text'; text: string } => {
      return isRecord(part) && part['type'] === 'text' && typeof part['text'] === 'string';
    })
    .map((part) => part.text)
    .join('\n');
}

function toToolCall(raw: unknown): { id: string; name: string; arguments: string } {
  const call = isRecord(raw) ? raw : {};
  const fn = isRecord(call['function']) ? call['function'] : {};
  const args = fn['arguments'];
  return {
    id: typeof call['id'] === 'string' ? call['id'] : '',
    name: typeof fn['name'] === 'string' ? fn['name'] : '',
    arguments: typeof args === 'string' ? args : (JSON.stringify(args) ?? ''),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
