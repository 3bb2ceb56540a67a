import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { toProblem } from '../api/problem.js';
import { sendProblem } from '../api/send-problem.js';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';

/**
 * JSON bodies up to `limitBytes` (`GATEWAY_BODY_LIMIT_BYTES`); a larger one is refused with 413 `body-too-large`
 * before it is read further, and malformed JSON with 400 `invalid-body`, both as problem answers.
 */
export function jsonBodyParser(limitBytes: number): RequestHandler {
  const parse = express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] });
  return (request: Request, response: Response, next: NextFunction) => {
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: unknown }).status;
      const refusal =
        status === 413
          ? new GatewayError(
              413,
              GATEWAY_ERROR_CODES.bodyTooLarge,
              `the body is larger than ${limitBytes} bytes`,
            )
          : new GatewayError(
              400,
              GATEWAY_ERROR_CODES.invalidBody,
              `the body is no valid JSON: ${(error as Error).message}`,
            );
      sendProblem(response, toProblem(refusal));
    });
  };
}
