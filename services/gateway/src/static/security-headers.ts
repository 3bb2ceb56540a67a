import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { NOT_CONSOLE } from './console-static.js';

/**
 * The console's Content-Security-Policy: its own scripts, styles (inline `style` attributes: the waterfall's bars)
 * and images (`data:` icons) only; no plugins, no framing by other sites, no `<base>`. The report it shows sits in a
 * sandboxed `srcdoc` frame, which inherits this policy.
 */
export const CONSOLE_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; " +
  "frame-ancestors 'none'; base-uri 'none'";

/** The API's and the other doors' Content-Security-Policy: JSON and events load nothing and are framed nowhere. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Headers on every response the gateway sends, whatever serves it. */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/** The Content-Security-Policy for a request path: the console's, or the API's for `/api`, `/mcp`, `/a2a`, ... Pure. */
export function contentSecurityPolicyFor(path: string): string {
  return NOT_CONSOLE.test(path) ? API_CSP : CONSOLE_CSP;
}

/**
 * Sets `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer` and a Content-Security-Policy on every
 * response before anything else runs; a route may tighten the policy (the report's HTML has its own).
 */
export const securityHeaders: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  response.setHeader('Content-Security-Policy', contentSecurityPolicyFor(request.path));
  next();
};
