import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';

/** Paths the console never answers: the API and the other doors, and the health probes. */
export const NOT_CONSOLE = /^\/(api|mcp|a2a|\.well-known|healthz|readyz)(\/|$)/;

/**
 * Serves the built console (`GATEWAY_CONSOLE_DIR`) at `/`, and its `index.html` for any other GET that is no API
 * path (the single-page app routes itself). Undefined when the folder has no `index.html`.
 */
export function consoleHandlers(dir: string): RequestHandler[] | undefined {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return undefined;
  const files = express.static(dir, { index: false, fallthrough: true, maxAge: '1h' });
  const guard: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    if (NOT_CONSOLE.test(request.path)) return next();
    if (path.basename(request.path) === 'index.html') return next();
    return files(request, response, next);
  };
  const fallback: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_CONSOLE.test(request.path))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  };
  return [guard, fallback];
}
