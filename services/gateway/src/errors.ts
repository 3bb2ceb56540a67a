/** Stable codes of the gateway's own errors (the `code` of an `application/problem+json` body). */
export const GATEWAY_ERROR_CODES = {
  invalidConfig: 'invalid-config',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  rateLimited: 'rate-limited',
  bodyTooLarge: 'body-too-large',
  invalidBody: 'invalid-body',
  invalidGoal: 'invalid-goal',
  invalidRequest: 'invalid-request',
  idempotencyConflict: 'idempotency-conflict',
  goalNotFound: 'goal-not-found',
  goalEnded: 'goal-ended',
  budgetNotOpen: 'budget-not-open',
  budgetOverCeiling: 'budget-over-ceiling',
  reportNotReady: 'report-not-ready',
  deadLetterNotFound: 'dead-letter-not-found',
  notFound: 'not-found',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;
/** A stable gateway error code. */
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[keyof typeof GATEWAY_ERROR_CODES];

/** The configuration is invalid or unsafe (no token source, auth off on a public host): the gateway does not start. */
export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
  readonly code = GATEWAY_ERROR_CODES.invalidConfig;
  readonly retryable = false;
}

/**
 * An error the HTTP door answers with a status and an RFC 9457 problem body (`ProblemFilter`): a lowercase
 * message naming the bad value, a stable `code`, optional response headers (`Retry-After`, `WWW-Authenticate`)
 * and extra members of the problem body (`issues`, `role`, `status` of an approval...).
 */
export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      readonly headers?: Readonly<Record<string, string>>;
      readonly members?: Readonly<Record<string, unknown>>;
      readonly cause?: unknown;
      readonly retryable?: boolean;
    } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.retryable = extra.retryable ?? status >= 500;
  }

  /** True when the same request may succeed later (503, 429). */
  readonly retryable: boolean;
}

/** 401 with `WWW-Authenticate: Bearer` (and the RFC 6750 error when a token was given but refused). */
export function unauthorized(message: string, tokenGiven: boolean): GatewayError {
  const challenge = tokenGiven
    ? `Bearer realm="swarm", error="invalid_token", error_description="${message.replace(/["\\]/g, "'")}"`
    : 'Bearer realm="swarm"';
  return new GatewayError(401, GATEWAY_ERROR_CODES.unauthorized, message, {
    headers: { 'WWW-Authenticate': challenge },
  });
}

/** 403 naming the role the route needs. */
export function forbidden(roles: readonly string[]): GatewayError {
  const needed = roles.join(' or ');
  return new GatewayError(403, GATEWAY_ERROR_CODES.forbidden, `this needs the role ${needed}`, {
    members: { role: needed },
  });
}

/** 404 for a goal id nothing is stored under. */
export function goalNotFound(goalId: string): GatewayError {
  return new GatewayError(404, GATEWAY_ERROR_CODES.goalNotFound, `no goal "${goalId}" is stored`);
}
