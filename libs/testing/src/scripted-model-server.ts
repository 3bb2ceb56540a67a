import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { ANTHROPIC_MESSAGES_FORMAT } from './scripted-anthropic.js';
import { flattenHeaders } from './scripted-chat-request.js';
import { scriptedErrorResponse } from './scripted-model-script.js';
import type {
  ScriptedChatRequest,
  ScriptedHttpResponse,
  ScriptedReply,
  ScriptedResponder,
} from './scripted-model-script.js';
import { OPENAI_CHAT_FORMAT } from './scripted-wire-format.js';
import type { ScriptedWireFormat } from './scripted-wire-format.js';

const LOOPBACK = '127.0.0.1';
const MODELS_PATH = '/v1/models';
/** The wire format each `POST` route speaks. */
const FORMATS: Readonly<Record<string, ScriptedWireFormat>> = {
  '/v1/chat/completions': OPENAI_CHAT_FORMAT,
  '/v1/messages': ANTHROPIC_MESSAGES_FORMAT,
};

/** Options of {@link startScriptedModelServer}. */
export interface ScriptedModelServerOptions {
  /** Answers requests the queue does not; default: a 500 "no reply scripted for this request". */
  responder?: ScriptedResponder;
  /** Models the server knows; another model gets 404 (`model_not_found`, `not_found_error`). Default: any. */
  knownModels?: readonly string[];
  /**
   * When set, a request without the key gets 401: Chat Completions wants `Authorization: Bearer <apiKey>`
   * (`invalid_api_key`), Messages wants `x-api-key: <apiKey>` (`authentication_error`).
   */
  apiKey?: string;
  /** Port on 127.0.0.1; default 0 (a random free port). */
  port?: number;
}

/**
 * A running scripted model server: an HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions and
 * the Anthropic Messages wire formats (non-streaming) and answers what the test scripted. Not a model: it
 * never makes anything up.
 */
export interface ScriptedModelServer {
  /** `http://127.0.0.1:<port>`; clients use `${url}/v1` as their base URL. */
  readonly url: string;
  /** Every chat completions or messages request with a JSON object body, in order, refused ones included. */
  readonly requests: readonly ScriptedChatRequest[];
  /** Replaces the responder (e.g. "fix the script" before a replay). */
  script(responder: ScriptedResponder): void;
  /** Queues replies answered first-in first-out before the responder is consulted. */
  enqueue(...replies: ScriptedReply[]): void;
  /**
   * Models the server knows; a request for another model gets 404 (OpenAI `model_not_found`, Anthropic
   * `not_found_error`). Undefined = any model. Read on every request, so a test may change it while the
   * server runs.
   */
  knownModels?: readonly string[];
  /** Stops listening and destroys every open connection, hanging requests included. Idempotent. */
  close(): Promise<void>;
}

/** The responder used until a test scripts one: fails loudly so a forgotten reply cannot pass unnoticed. */
const noReplyScripted: ScriptedResponder = () => ({
  kind: 'error',
  status: 500,
  message: 'no reply scripted for this request',
  code: 'no_reply_scripted',
});

/**
 * Starts a {@link ScriptedModelServer} on 127.0.0.1. Serves `POST /v1/chat/completions` (OpenAI),
 * `POST /v1/messages` (Anthropic; a missing `anthropic-version` header is refused with 400) and
 * `GET /v1/models` (the known models, or the models requested so far). Both `POST` routes refuse
 * `stream: true` with 400 "streaming is not scripted" and a body that is not a JSON object with 400.
 *
 * @throws the `listen` error when the port cannot be bound (e.g. `EADDRINUSE` for a taken `port`).
 */
export async function startScriptedModelServer(
  options: ScriptedModelServerOptions = {},
): Promise<ScriptedModelServer> {
  const server = new ScriptedModelHttpServer(options);
  await server.listen(options.port ?? 0);
  return server;
}

class ScriptedModelHttpServer implements ScriptedModelServer {
  knownModels?: readonly string[];
  readonly requests: ScriptedChatRequest[] = [];
  #url = '';
  #responder: ScriptedResponder;
  readonly #apiKey: string | undefined;
  readonly #queue: ScriptedReply[] = [];
  readonly #seenModels = new Set<string>();
  readonly #sockets = new Set<Socket>();
  readonly #http: Server;
  #completions = 0;
  #toolCalls = 0;
  #closing: Promise<void> | undefined;

  constructor(options: ScriptedModelServerOptions) {
    this.#responder = options.responder ?? noReplyScripted;
    this.#apiKey = options.apiKey;
    if (options.knownModels !== undefined) this.knownModels = options.knownModels;
    this.#http = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        const format = FORMATS[routeOf(req)] ?? OPENAI_CHAT_FORMAT;
        send(res, format.error(500, `scripted model server failed: ${errorMessage(error)}`));
      });
    });
    this.#http.on('connection', (socket) => {
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  get url(): string {
    return this.#url;
  }

  script(responder: ScriptedResponder): void {
    this.#responder = responder;
  }

  enqueue(...replies: ScriptedReply[]): void {
    this.#queue.push(...replies);
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#http.once('error', reject);
      this.#http.listen({ host: LOOPBACK, port }, () => {
        this.#http.off('error', reject);
        const address = this.#http.address();
        if (address === null || typeof address === 'string') {
          reject(new Error('scripted model server has no tcp address'));
          return;
        }
        this.#url = `http://${LOOPBACK}:${address.port}`;
        resolve();
      });
    });
  }

  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      this.#http.close(() => resolve());
      this.#http.closeAllConnections();
      for (const socket of this.#sockets) socket.destroy();
    });
    return this.#closing;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = routeOf(req);
    const headers = flattenHeaders(req.headers);
    const raw = await readBody(req);
    const format = req.method === 'POST' ? FORMATS[path] : undefined;
    if (format !== undefined) {
      await this.#chatCompletion(format, raw, headers, res);
    } else if (req.method === 'GET' && path === MODELS_PATH) {
      send(res, this.#authorize(OPENAI_CHAT_FORMAT, headers) ?? this.#modelList());
    } else {
      const message = `unknown route ${req.method ?? '?'} ${path}`;
      send(res, scriptedErrorResponse(404, message, { code: 'unknown_route' }));
    }
  }

  async #chatCompletion(
    format: ScriptedWireFormat,
    raw: string,
    headers: Record<string, string>,
    res: ServerResponse,
  ): Promise<void> {
    const parsed = parseJsonObject(raw);
    if ('problem' in parsed) {
      send(res, this.#authorize(format, headers) ?? format.error(400, parsed.problem));
      return;
    }
    const request = format.toRequest(parsed.body, headers);
    this.requests.push(request);
    const refusal = this.#authorize(format, headers) ?? format.refuse(request);
    if (refusal !== undefined) {
      send(res, refusal);
      return;
    }
    this.#seenModels.add(request.model);
    if (this.knownModels !== undefined && !this.knownModels.includes(request.model)) {
      send(res, format.unknownModel(request.model));
      return;
    }
    const reply = await this.#nextReply(request, this.requests.length - 1);
    if (reply.kind === 'hang') return; // answered by nobody: the client aborts or close() destroys the socket
    this.#completions += 1;
    const context = {
      completionNumber: this.#completions,
      createdSeconds: Math.floor(Date.now() / 1000),
      firstToolCallNumber: this.#toolCalls + 1,
    };
    this.#toolCalls += format.toolCallIdsUsed(reply, request);
    send(res, format.reply(reply, request, context));
  }

  async #nextReply(request: ScriptedChatRequest, index: number): Promise<ScriptedReply> {
    const queued = this.#queue.shift();
    if (queued !== undefined) return queued;
    try {
      return await this.#responder(request, index);
    } catch (error) {
      return { kind: 'error', status: 500, message: `responder threw: ${errorMessage(error)}` };
    }
  }

  #authorize(
    format: ScriptedWireFormat,
    headers: Readonly<Record<string, string>>,
  ): ScriptedHttpResponse | undefined {
    return this.#apiKey === undefined ? undefined : format.authorize(headers, this.#apiKey);
  }

  #modelList(): ScriptedHttpResponse {
    const ids = this.knownModels ?? [...this.#seenModels];
    const data = ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'scripted-model-server' }));
    return { status: 200, headers: {}, body: { object: 'list', data } };
  }
}

/** The request's path without its query string. */
function routeOf(req: IncomingMessage): string {
  return (req.url ?? '/').split('?')[0] ?? '/';
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonObject(raw: string): { body: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { problem: 'request body is not valid json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'request body must be a json object' };
  }
  return { body: value as Record<string, unknown> };
}

function send(res: ServerResponse, response: ScriptedHttpResponse): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
  res.end(JSON.stringify(response.body));
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
