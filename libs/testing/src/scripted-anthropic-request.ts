import type { ScriptedChatRequest, ScriptedMessage } from './scripted-model-script.js';

/** The tool the AI SDK's anthropic provider forces when it asks for structured output through a tool call. */
const JSON_TOOL_NAME = 'json';

/**
 * Reads a parsed Anthropic Messages body (`POST /v1/messages`) into the record the scripted model server
 * keeps, flattened like a Chat Completions request so tests assert on one shape:
 * - `system` (a string or text blocks) becomes a first `system` message;
 * - a message's `text` blocks are joined with `'\n'`, its `tool_use` blocks become `toolCalls`
 *   (`arguments = JSON.stringify(input)`), and each `tool_result` block becomes a `tool` message with
 *   `toolCallId = tool_use_id`, in block order;
 * - `responseFormat` is the structured output the client asked for: `output_config.format` as sent
 *   (`{ type: 'json_schema', schema }`), or a legacy top-level `output_format` as sent, or, when the request
 *   forces the `json` tool, `{ type: 'json_tool', schema: <that tool's input_schema> }`.
 *
 * Lenient like the Chat Completions reader: a missing `model` is `''`, missing `messages` are `[]`. Pure.
 */
export function toScriptedAnthropicRequest(
  body: Record<string, unknown>,
  headers: Readonly<Record<string, string>>,
): ScriptedChatRequest {
  const system = blocksText(body['system']);
  const messages = Array.isArray(body['messages']) ? body['messages'].flatMap(toScriptedMessages) : [];
  const responseFormat = structuredOutputOf(body);
  return {
    model: typeof body['model'] === 'string' ? body['model'] : '',
    messages: body['system'] === undefined ? messages : [{ role: 'system', content: system }, ...messages],
    ...(Array.isArray(body['tools']) ? { tools: body['tools'] as unknown[] } : {}),
    ...(responseFormat === undefined ? {} : { responseFormat }),
    headers,
    body,
  };
}

/**
 * The `json` tool definition when the request forces it (`tool_choice` `any`, or `tool` named `json`): how
 * the AI SDK's anthropic provider asks for structured output when it does not use `output_config.format`
 * (a model it does not know to support it, or a schema the native format cannot express). `undefined`
 * otherwise. Pure.
 */
export function forcedJsonTool(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const choice = body['tool_choice'];
  if (!isRecord(choice)) return undefined;
  const forced = choice['type'] === 'any' || (choice['type'] === 'tool' && choice['name'] === JSON_TOOL_NAME);
  if (!forced || !Array.isArray(body['tools'])) return undefined;
  return body['tools'].find(
    (tool): tool is Record<string, unknown> => isRecord(tool) && tool['name'] === JSON_TOOL_NAME,
  );
}

function structuredOutputOf(body: Record<string, unknown>): unknown {
  const config = body['output_config'];
  if (isRecord(config) && config['format'] !== undefined) return config['format'];
  if (body['output_format'] !== undefined) return body['output_format'];
  const tool = forcedJsonTool(body);
  return tool === undefined ? undefined : { type: 'json_tool', schema: tool['input_schema'] };
}

function toScriptedMessages(raw: unknown): ScriptedMessage[] {
  const message = isRecord(raw) ? raw : {};
  const role = typeof message['role'] === 'string' ? message['role'] : '';
  const content = message['content'];
  if (!Array.isArray(content)) return [{ role, content: typeof content === 'string' ? content : '' }];
  const messages: ScriptedMessage[] = [];
  let texts: string[] = [];
  const toolCalls: { id: string; name: string; arguments: string }[] = [];
  for (const block of content) {
    if (!isRecord(block)) continue;
    if (block['type'] === 'text' && typeof block['text'] === 'string') texts.push(block['text']);
    if (block['type'] === 'tool_use') toolCalls.push(toToolCall(block));
    if (block['type'] === 'tool_result') {
      if (texts.length > 0) messages.push({ role, content: texts.join('\n') });
      texts = [];
      const toolCallId = block['tool_use_id'];
      messages.push({
        role: 'tool',
        content: blocksText(block['content']),
        ...(typeof toolCallId === 'string' ? { toolCallId } : {}),
      });
    }
  }
  if (texts.length > 0 || toolCalls.length > 0 || messages.length === 0) {
    messages.push({ role, content: texts.join('\n'), ...(toolCalls.length > 0 ? { toolCalls } : {}) });
  }
  return messages;
}

/** A string as is; an array of blocks as its `text` blocks joined with `'\n'`; anything else as `''`. */
function blocksText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter((block): block is { type: 'text'; text: string } => {
      return isRecord(block) && block['type'] === 'text' && typeof block['text'] === 'string';
    })
    .map((block) => block.text)
    .join('\n');
}

function toToolCall(block: Record<string, unknown>): { id: string; name: string; arguments: string } {
  return {
    id: typeof block['id'] === 'string' ? block['id'] : '',
    name: typeof block['name'] === 'string' ? block['name'] : '',
    arguments: JSON.stringify(block['input']) ?? '',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
