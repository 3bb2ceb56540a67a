import type { z } from 'zod';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';

/**
 * `value` parsed with `schema`, or GatewayError 400 (`code`, default `invalid-request`) naming each issue
 * (`issues` in the problem body).
 */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  code: string = GATEWAY_ERROR_CODES.invalidRequest,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  throw new GatewayError(
    400,
    code,
    `${what} rejected: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    { members: { issues } },
  );
}
