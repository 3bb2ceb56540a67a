import type { z } from 'zod';
import {
  AgentsResponse,
  ApprovalView,
  ConfigResponse,
  DeadLettersResponse,
  DecisionBody,
  GoalListResponse,
  GoalViewResponse,
  HealthResponse,
  PendingApprovalsResponse,
  ReplayResponse,
  SubmitGoalBody,
  SubmittedGoalResponse,
  WhoamiResponse,
} from '../api/api-schemas.js';
import type { Role } from '../auth/roles.js';
import { BUDGET_ROUTES } from './budget-routes.js';

/** One parameter of a route (path, query or header). */
export interface RouteParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly description: string;
  readonly required?: boolean;
  readonly schema?: Record<string, unknown>;
}

/** One answer of a route: JSON with a schema, or another media type. */
export interface RouteResponse {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly content?: Readonly<Record<string, Record<string, unknown>>>;
  readonly headers?: readonly string[];
}

/** One route of the HTTP API, as the OpenAPI document describes it. */
export interface ApiRoute {
  readonly method: 'get' | 'post';
  /** OpenAPI style (`/api/v1/goals/{goalId}`). */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  /** `public`, or the roles (any one of them) the route needs; `[]`: any authenticated caller. */
  readonly roles: 'public' | readonly Role[];
  readonly parameters?: readonly RouteParameter[];
  readonly body?: z.ZodType;
  readonly responses: Readonly<Record<number, RouteResponse>>;
}

const goalId: RouteParameter = {
  name: 'goalId',
  in: 'path',
  description: 'A goal id (one subject token)',
  required: true,
};
const text = (description: string): RouteResponse => ({
  description,
  content: { 'text/markdown': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } },
});

/** Every route of the HTTP API. A spec test checks that Nest registers exactly these. */
export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/goals',
    operationId: 'submitGoal',
    summary: 'Submit a goal (submittedBy is the caller). Idempotency-Key makes a retry the same goal.',
    roles: ['submitter'],
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        description:
          '1-128 of [A-Za-z0-9_.:-]: the same key and goal twice is one goal (200 the second time)',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
      },
    ],
    body: SubmitGoalBody,
    responses: {
      201: { description: 'Submitted', schema: SubmittedGoalResponse, headers: ['Location'] },
      200: { description: 'Already submitted with this Idempotency-Key', schema: SubmittedGoalResponse },
      409: { description: 'idempotency-conflict: the key was used for another goal' },
      413: { description: 'body-too-large' },
      422: { description: 'sink-not-enabled' },
      503: { description: 'swarm-full', headers: ['Retry-After'] },
    },
  },
  {
    method: 'get',
    path: '/api/v1/goals',
    operationId: 'listGoals',
    summary: 'Goals, newest first, paged',
    roles: ['viewer'],
    parameters: [
      {
        name: 'limit',
        in: 'query',
        description: 'Page size (at most GATEWAY_PAGE_SIZE_MAX)',
        schema: { type: 'integer', minimum: 1 },
      },
      {
        name: 'cursor',
        in: 'query',
        description: 'nextCursor of the previous page',
        schema: { type: 'string' },
      },
      {
        name: 'state',
        in: 'query',
        description: 'open, failed, delivered, nothing-found, rejected, approval-expired',
        schema: { type: 'string' },
      },
    ],
    responses: { 200: { description: 'A page of goals', schema: GoalListResponse } },
  },
  {
    method: 'get',
    path: '/api/v1/goals/{goalId}',
    operationId: 'getGoal',
    summary: 'One goal: state, counts, approval, usage, report links, timeline',
    roles: ['viewer'],
    parameters: [goalId],
    responses: {
      200: { description: 'The goal', schema: GoalViewResponse },
      404: { description: 'goal-not-found' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/goals/{goalId}/events',
    operationId: 'followGoalEvents',
    summary:
      "The goal's events as Server-Sent Events (id = events stream sequence), resumable with Last-Event-ID",
    roles: ['viewer'],
    parameters: [
      goalId,
      {
        name: 'Last-Event-ID',
        in: 'header',
        description: 'Resume after this sequence',
        schema: { type: 'string' },
      },
      {
        name: 'after',
        in: 'query',
        description: 'Resume after this sequence (for clients that cannot set headers)',
        schema: { type: 'string' },
      },
    ],
    responses: {
      200: {
        description: 'An event stream; ends with `event: end` after the goal ends',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      404: { description: 'goal-not-found' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/goals/{goalId}/report',
    operationId: 'getReport',
    summary: 'The report (Markdown or HTML), or the preview under review with stage=preview',
    roles: ['viewer'],
    parameters: [
      goalId,
      {
        name: 'format',
        in: 'query',
        description: 'md or html (else the Accept header)',
        schema: { type: 'string', enum: ['md', 'html'] },
      },
      {
        name: 'stage',
        in: 'query',
        description: 'final or preview',
        schema: { type: 'string', enum: ['final', 'preview'] },
      },
    ],
    responses: { 200: text('The report'), 404: { description: 'report-not-ready' } },
  },
  {
    method: 'get',
    path: '/api/v1/goals/{goalId}/approval',
    operationId: 'getApproval',
    summary: "Where the goal's approval stands",
    roles: ['viewer'],
    parameters: [goalId],
    responses: { 200: { description: 'The resolution', schema: ApprovalView } },
  },
  {
    method: 'post',
    path: '/api/v1/goals/{goalId}/approval',
    operationId: 'decideApproval',
    summary: 'Approve or reject, recorded under the authenticated subject',
    roles: ['approver'],
    parameters: [goalId],
    body: DecisionBody,
    responses: {
      200: { description: 'The resolution after the decision', schema: ApprovalView },
      409: { description: 'approval-not-pending (status: not-requested, decided or expired)' },
    },
  },
  ...BUDGET_ROUTES,
  {
    method: 'get',
    path: '/api/v1/approvals',
    operationId: 'listApprovals',
    summary: 'Goals waiting for a decision',
    roles: ['viewer'],
    parameters: [
      {
        name: 'status',
        in: 'query',
        description: 'pending (the only one listed)',
        schema: { type: 'string', enum: ['pending'] },
      },
    ],
    responses: { 200: { description: 'Pending approvals', schema: PendingApprovalsResponse } },
  },
  {
    method: 'get',
    path: '/api/v1/dead-letters',
    operationId: 'listDeadLetters',
    summary: 'Dead letters, newest first, with where a replay would put each',
    roles: ['operator'],
    parameters: [{ name: 'queue', in: 'query', description: 'Only this queue', schema: { type: 'string' } }],
    responses: { 200: { description: 'Dead letters', schema: DeadLettersResponse } },
  },
  {
    method: 'post',
    path: '/api/v1/dead-letters/{id}/replay',
    operationId: 'replayDeadLetter',
    summary: 'Put a dead letter back on its queue',
    roles: ['operator'],
    parameters: [{ name: 'id', in: 'path', description: 'The dead letter id', required: true }],
    responses: {
      202: { description: 'Replayed', schema: ReplayResponse },
      404: { description: 'dead-letter-not-found' },
      409: { description: 'replay-refused' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/agents',
    operationId: 'listAgents',
    summary: 'Agent kinds, their queues, live replicas and throughput',
    roles: ['viewer'],
    responses: { 200: { description: 'Agents', schema: AgentsResponse } },
  },
  {
    method: 'get',
    path: '/api/v1/whoami',
    operationId: 'whoami',
    summary: 'The authenticated caller',
    roles: [],
    responses: { 200: { description: 'The caller', schema: WhoamiResponse } },
  },
  {
    method: 'get',
    path: '/api/v1/config',
    operationId: 'getConfig',
    summary: 'What a client needs before login (version, OIDC issuer, Jaeger URL)',
    roles: 'public',
    responses: { 200: { description: 'Public configuration', schema: ConfigResponse } },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    roles: 'public',
    responses: {
      200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } },
    },
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'The process answers',
    roles: 'public',
    responses: { 200: { description: 'Up', schema: HealthResponse } },
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    summary: 'Connected to NATS',
    roles: 'public',
    responses: { 200: { description: 'Ready', schema: HealthResponse }, 503: { description: 'unavailable' } },
  },
];
