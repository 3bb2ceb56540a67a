import { ApprovalState, GoalSpec } from '@swarm/contracts';
import { z } from 'zod';
import { ROLES } from '../auth/roles.js';

/** The named schemas of the API: the OpenAPI document's `components.schemas`. */
export const API_SCHEMAS = z.registry<{ id: string }>();

// The HTTP API's request and response shapes: the controllers validate with them and the OpenAPI document is
// generated from them (`src/openapi/`), so the two cannot drift apart.

/** `POST /goals` body: the contract's goal spec; `submittedBy` is the caller's subject, so a body may not set it. */
export const SubmitGoalBody = GoalSpec.omit({ submittedBy: true });

/** The `Idempotency-Key` header: 1 to 128 of `[A-Za-z0-9_.:-]`. */
export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'Idempotency-Key must be 1 to 128 of A-Z a-z 0-9 _ . : -');

/** Links of a goal's resources. */
export const GoalLinks = z.object({ self: z.string(), events: z.string(), report: z.string() });

/** `POST /goals` answer. */
export const SubmittedGoalResponse = z
  .object({ goalId: z.string(), state: z.string(), links: GoalLinks })
  .register(API_SCHEMAS, { id: 'SubmittedGoal' });

/** A goal as the board lists it; `state` is `open`, `failed`, `ended` or how it completed. */
export const GoalRow = z
  .object({
    goalId: z.string(),
    text: z.string().optional(),
    state: z.string(),
    stage: z.string().optional(),
    submittedAt: z.string(),
    endedAt: z.string().optional(),
    ageSeconds: z.number(),
  })
  .register(API_SCHEMAS, { id: 'GoalRow' });

/** `GET /goals` answer. */
export const GoalListResponse = z
  .object({ goals: z.array(GoalRow), nextCursor: z.string().optional() })
  .register(API_SCHEMAS, { id: 'GoalList' });

/** `GET /goals` query. */
export const GoalListQuery = z.object({
  limit: z.coerce.number().int().min(1).optional(),
  cursor: z
    .string()
    .regex(/^[0-9]+$/, 'cursor must be one a previous page returned')
    .optional(),
  state: z
    .string()
    .regex(/^[a-z-]{1,32}$/)
    .optional(),
});

/** One entry of a goal's timeline: a claim, hand-off, retry, dead letter or a goal-level event. */
export const TimelineEntry = z
  .object({
    seq: z.number().int(),
    time: z.string(),
    type: z.string(),
    taskId: z.string().optional(),
    queue: z.string().optional(),
    agent: z.string().optional(),
    instance: z.string().optional(),
    attempt: z.number().int().optional(),
    durationMs: z.number().optional(),
    reason: z.string().optional(),
    detail: z.string().optional(),
  })
  .register(API_SCHEMAS, { id: 'TimelineEntry' });

/** Where a goal's approval stands (the contract's resolution). */
export const ApprovalView = z
  .object({
    status: z.enum(['not-requested', 'pending', 'decided', 'expired']),
    request: ApprovalState.optional(),
    outcome: z.enum(['granted', 'rejected']).optional(),
    by: z.string().optional(),
    comment: z.string().optional(),
    at: z.string().optional(),
  })
  .register(API_SCHEMAS, { id: 'ApprovalResolution' });

const UsageTotals = z.object({
  attempts: z.number(),
  calls: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  costUsd: z.number(),
  models: z.array(z.string()),
  fallbacks: z.number(),
});

/** A goal's model usage per agent and overall. */
export const UsageView = z
  .object({ byAgent: z.array(UsageTotals.extend({ agent: z.string() })), total: UsageTotals })
  .register(API_SCHEMAS, { id: 'Usage' });

const BudgetQuantities = z.object({ costUsd: z.number(), tokens: z.number(), modelCalls: z.number() });

/**
 * A goal's budget (its budget record): limits (a quantity left out is not limited), settled spend, the estimates
 * of calls in flight, what is left, the deadline, the exhaustion policy, why it ran out, and every addition.
 */
export const BudgetView = z
  .object({
    limits: BudgetQuantities.partial(),
    spent: BudgetQuantities,
    reserved: BudgetQuantities,
    left: BudgetQuantities.partial(),
    deadlineAt: z.string().optional(),
    policy: z.enum(['pause', 'degrade', 'fail']),
    exhausted: z.object({ at: z.string(), reason: z.string(), shortfall: z.string().optional() }).optional(),
    additions: z.array(
      z.object({
        by: z.string(),
        at: z.string(),
        add: BudgetQuantities.partial(),
        deadlineMs: z.number().optional(),
        resumed: z.number().int(),
      }),
    ),
  })
  .register(API_SCHEMAS, { id: 'Budget' });

/** `GET /goals/{goalId}` answer. */
export const GoalViewResponse = z
  .object({
    goalId: z.string(),
    text: z.string().optional(),
    state: z.enum([
      'unknown',
      'submitted',
      'running',
      'awaiting-approval',
      'awaiting-budget',
      'completed',
      'failed',
    ]),
    outcome: z.string().optional(),
    summary: z.string().optional(),
    startedAt: z.string().optional(),
    endedAt: z.string().optional(),
    counts: z.object({
      claims: z.number(),
      completedTasks: z.number(),
      retries: z.number(),
      deadLettered: z.number(),
    }),
    instances: z.array(z.string()),
    approval: ApprovalView,
    usage: UsageView.optional(),
    /** Absent when the goal has no budget record (submitted before budgets, or not claimed yet). */
    budget: BudgetView.optional(),
    reports: z.object({ markdown: z.string(), html: z.string() }).nullable(),
    traceId: z.string().optional(),
    traceUrl: z.string().optional(),
    timeline: z.array(TimelineEntry),
    ignored: z.array(z.object({ seq: z.number(), type: z.string(), reason: z.string() })),
  })
  .register(API_SCHEMAS, { id: 'GoalView' });

/** `POST /goals/{goalId}/approval` body. */
export const DecisionBody = z.strictObject({
  outcome: z.enum(['approved', 'rejected']),
  comment: z.string().max(1_000).optional(),
});

/** A goal waiting for a decision. */
export const PendingApprovalView = z
  .object({
    goalId: z.string(),
    text: z.string().optional(),
    requestedAt: z.string(),
    expiresAt: z.string().optional(),
    previewUrl: z.string(),
  })
  .register(API_SCHEMAS, { id: 'PendingApproval' });

/** `GET /approvals` answer. */
export const PendingApprovalsResponse = z
  .object({ approvals: z.array(PendingApprovalView) })
  .register(API_SCHEMAS, { id: 'PendingApprovals' });

/** One dead letter and where a replay would put it. */
export const DeadLetterView = z
  .object({
    id: z.string(),
    queue: z.string(),
    reason: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }),
    goalId: z.string(),
    taskId: z.string(),
    failedAt: z.string(),
    attempts: z.number().int(),
    payloadPreview: z.string(),
    replay: z.union([
      z.object({ ok: z.literal(true), subject: z.string() }),
      z.object({ ok: z.literal(false), reason: z.string() }),
    ]),
  })
  .register(API_SCHEMAS, { id: 'DeadLetter' });

/** `GET /dead-letters` answer. */
export const DeadLettersResponse = z
  .object({ deadLetters: z.array(DeadLetterView) })
  .register(API_SCHEMAS, { id: 'DeadLetters' });

/** `POST /dead-letters/{id}/replay` answer. */
export const ReplayResponse = z
  .object({ replayedTo: z.string(), seq: z.number().int() })
  .register(API_SCHEMAS, { id: 'Replay' });

/** One agent kind and its queue. */
export const AgentView = z
  .object({
    kind: z.string(),
    queue: z.string(),
    replicas: z
      .number()
      .int()
      .describe('Live replicas serving the queue: the presence records its agent kind keeps refreshed'),
    instances: z.array(z.string()).describe('The instance ids of those replicas'),
    pending: z.number().int(),
    ackPending: z.number().int(),
    redelivered: z.number().int(),
    waitingPullers: z
      .number()
      .int()
      .describe('Pull requests waiting on the consumer (a replica may keep several: not a replica count)'),
    completedLastMinute: z
      .number()
      .int()
      .nullable()
      .describe('Tasks of the queue completed in the last minute (null when the events cannot be read)'),
  })
  .register(API_SCHEMAS, { id: 'Agent' });

/** `GET /agents` answer. */
export const AgentsResponse = z
  .object({ agents: z.array(AgentView) })
  .register(API_SCHEMAS, { id: 'Agents' });

/** `GET /whoami` answer. */
export const WhoamiResponse = z
  .object({ subject: z.string(), roles: z.array(z.enum(ROLES)), via: z.enum(['token', 'oidc']) })
  .register(API_SCHEMAS, { id: 'Whoami' });

/** `GET /config` answer: what the console needs before login. */
export const ConfigResponse = z
  .object({
    version: z.string(),
    jaegerUrl: z.string().optional(),
    oidc: z.object({ issuer: z.string(), clientId: z.string().optional() }).optional(),
    auth: z.array(z.enum(['token', 'oidc', 'none'])),
  })
  .register(API_SCHEMAS, { id: 'GatewayConfig' });

/** An RFC 9457 problem (every error answer). */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
  })
  .loose()
  .register(API_SCHEMAS, { id: 'Problem' });

/** `GET /healthz` and `GET /readyz` answer. */
export const HealthResponse = z
  .object({ status: z.enum(['ok', 'unavailable']) })
  .register(API_SCHEMAS, { id: 'Health' });
