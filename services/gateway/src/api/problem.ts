import { HttpException } from '@nestjs/common';
import type { GoalViewsErrorCode } from '@swarm/goal-views';
import { GoalViewsError } from '@swarm/goal-views';
import {
  BudgetOverCeilingError,
  ReplayRefusedError,
  SinkNotEnabledError,
  SwarmFullError,
} from '@swarm/transport';
import { GATEWAY_ERROR_CODES, GatewayError } from '../errors.js';

/** An error answer: status, RFC 9457 body, extra headers. */
export interface ProblemAnswer {
  readonly status: number;
  readonly body: {
    readonly type: string;
    readonly title: string;
    readonly status: number;
    readonly detail: string;
    readonly code: string;
  } & Record<string, unknown>;
  readonly headers: Readonly<Record<string, string>>;
}

/** What `Retry-After` a goal refused as `swarm-full` gets: the goals running need a while to free room. */
export const SWARM_FULL_RETRY_AFTER_SECONDS = 30;

/** The HTTP status of each read-model error. */
export const GOAL_VIEWS_STATUS: Readonly<Record<GoalViewsErrorCode, number>> = {
  'invalid-goal-id': 400,
  'invalid-goal': 400,
  'goal-not-found': 404,
  'approval-not-pending': 409,
  'invalid-decision': 400,
  'decision-not-recorded': 502,
  'follow-timeout': 504,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function answer(
  status: number,
  code: string,
  detail: string,
  headers: Readonly<Record<string, string>> = {},
  members: Readonly<Record<string, unknown>> = {},
): ProblemAnswer {
  return {
    status,
    body: {
      ...members,
      type: `urn:swarm:gateway:${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      code,
    },
    headers,
  };
}

/**
 * The problem answer of any error: the gateway's own (its status and code), the read model's (by code), the
 * door's refusals (503 `swarm-full` + `Retry-After`, 422 `sink-not-enabled` and `budget-over-ceiling`), a refused replay (409), Nest's HTTP
 * errors (e.g. 404 for an unknown route), and 500 `internal` for the rest (without its message). Pure.
 */
export function toProblem(error: unknown): ProblemAnswer {
  if (error instanceof GatewayError)
    return answer(error.status, error.code, error.message, error.extra.headers, error.extra.members);
  if (error instanceof GoalViewsError)
    return answer(GOAL_VIEWS_STATUS[error.code], error.code, error.message, {}, error.details);
  if (error instanceof SwarmFullError)
    return answer(503, error.code, error.message, { 'Retry-After': String(SWARM_FULL_RETRY_AFTER_SECONDS) });
  if (error instanceof SinkNotEnabledError) return answer(422, error.code, error.message);
  if (error instanceof BudgetOverCeilingError) return answer(422, error.code, error.message);
  if (error instanceof ReplayRefusedError) return answer(409, error.code, error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code =
      status === 404
        ? GATEWAY_ERROR_CODES.notFound
        : status === 503
          ? GATEWAY_ERROR_CODES.unavailable
          : GATEWAY_ERROR_CODES.invalidRequest;
    return answer(status, code, error.message.toLowerCase());
  }
  return answer(500, GATEWAY_ERROR_CODES.internal, 'the gateway failed to answer; see its log');
}
