import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Router } from 'express';
import { agentCardHandler, jsonRpcHandler } from '@a2a-js/sdk/server/express';
import type { Principal } from '../api/gateway-operations.js';
import type { A2aDoorOptions } from './a2a-options.js';
import { A2A_PATHS, buildAgentCard } from './agent-card.js';
import { GatewayUser } from './gateway-user.js';
import { SwarmRequestHandler } from './swarm-request-handler.js';

/** The JSON-RPC methods (protocol 1.0 and 0.3) that submit a goal: they need the submitter role. */
export const GOAL_SENDING_METHODS: readonly string[] = [
  'SendMessage',
  'SendStreamingMessage',
  'message/send',
  'message/stream',
];

/** True when a JSON-RPC body (or a batch of them) calls a method that submits a goal. Pure. */
export function sendsGoal(body: unknown): boolean {
  const calls: unknown[] = Array.isArray(body) ? body : [body];
  return calls.some((call) => {
    const method = (call as { method?: unknown } | null)?.method;
    return typeof method === 'string' && GOAL_SENDING_METHODS.includes(method);
  });
}

/** The SDK's express handlers for the card and the JSON-RPC endpoint, over one `SwarmRequestHandler`. */
export interface A2aHttp {
  /** Serves `GET /.well-known/agent-card.json` (public; a 0.3 card to 0.3 clients). */
  readonly card: RequestHandler;
  /** Serves `POST /a2a` for an authenticated principal; ends the call's goal-following when the request closes. */
  serve(request: Request, response: Response, next: NextFunction, principal: Principal): void;
}

/** Builds the A2A door (stateless: any replica serves any task). */
export function createA2aHttp(options: A2aDoorOptions): A2aHttp {
  const handler = new SwarmRequestHandler(
    buildAgentCard(options.publicUrl, options.version),
    options.operations,
  );
  const users = new WeakMap<Request, GatewayUser>();
  const card = Router().use(
    A2A_PATHS.card,
    agentCardHandler({ agentCardProvider: handler, legacyCompat: { enabled: true } }),
  );
  const rpc = Router().use(
    A2A_PATHS.rpc,
    jsonRpcHandler({
      requestHandler: handler,
      legacyCompat: { enabled: true },
      userBuilder: (request) => {
        const user = users.get(request);
        return user ? Promise.resolve(user) : Promise.reject(new Error('a2a request was not authenticated'));
      },
    }),
  );
  return {
    card,
    serve(request, response, next, principal) {
      const closed = new AbortController();
      const heartbeat = setInterval(() => beat(response), options.sseHeartbeatMs);
      response.on('close', () => {
        clearInterval(heartbeat);
        closed.abort();
      });
      users.set(request, new GatewayUser(principal, closed.signal));
      rpc(request, response, next);
    },
  };
}

/**
 * Writes an SSE comment on a response that is an open event stream (the SDK writes whole events, so a comment
 * between two of them is safe; clients skip comment lines), so an idle `SubscribeToTask` survives proxies.
 */
function beat(response: Response): void {
  const type = response.getHeader('content-type');
  if (response.headersSent && !response.writableEnded && String(type).startsWith('text/event-stream'))
    response.write(': heartbeat\n\n');
}
