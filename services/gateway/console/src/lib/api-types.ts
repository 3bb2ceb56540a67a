// The shapes of the gateway's public API (`/api/v1`, see docs/gateway.md) as the console reads them. Fields the
// console does not show are left out; optional ones are read defensively.

/** `GET /whoami`. */
export interface WhoAmI {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly via: string;
}

/** `GET /config` (public). */
export interface GatewayConfig {
  readonly version?: string;
  readonly jaegerUrl?: string;
}

/** One row of `GET /goals`. */
export interface GoalRow {
  readonly goalId: string;
  readonly text?: string;
  readonly state: string;
  readonly stage?: string;
  readonly submittedAt?: string;
  readonly endedAt?: string;
  readonly ageSeconds?: number;
}

/** `GET /goals`. */
export interface GoalPage {
  readonly goals: readonly GoalRow[];
  readonly nextCursor?: string;
}

/** One entry of a goal's timeline: a claim, hand-off, retry, dead letter or goal-level event. */
export interface TimelineEntry {
  readonly seq: number;
  readonly time: string;
  readonly type: string;
  readonly taskId?: string;
  readonly agent?: string;
  readonly instance?: string;
  readonly attempt?: number;
  readonly durationMs?: number;
  readonly reason?: string;
  readonly detail?: string;
}

/** Model usage added up per agent kind or overall. */
export interface UsageTotals {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly costUsd: number;
  readonly models?: readonly string[];
  readonly fallbacks?: number;
}

/** Amounts of the three spendable quantities; a limit left out is not limited. */
export interface BudgetQuantities {
  readonly costUsd?: number;
  readonly tokens?: number;
  readonly modelCalls?: number;
}

/** A goal's budget, as `GET /goals/{goalId}` shows it. */
export interface BudgetView {
  readonly limits: BudgetQuantities;
  readonly spent: BudgetQuantities;
  readonly reserved?: BudgetQuantities;
  readonly left: BudgetQuantities;
  readonly deadlineAt?: string;
  readonly policy: string;
  readonly exhausted?: { readonly at: string; readonly reason: string; readonly shortfall?: string };
  readonly additions?: ReadonlyArray<{
    readonly by: string;
    readonly at: string;
    readonly add: BudgetQuantities;
    readonly deadlineMs?: number;
    readonly resumed?: number;
  }>;
}

/** `GET /goals/{goalId}`. */
export interface GoalView {
  readonly goalId: string;
  readonly text?: string;
  readonly state: string;
  readonly outcome?: string | null;
  readonly summary?: string | null;
  readonly startedAt?: string | null;
  readonly endedAt?: string | null;
  readonly counts?: {
    readonly claims: number;
    readonly completedTasks: number;
    readonly retries: number;
    readonly deadLettered: number;
  };
  readonly instances?: readonly string[];
  readonly approval?: {
    readonly status: 'not-requested' | 'pending' | 'decided' | 'expired';
    readonly outcome?: 'granted' | 'rejected';
    readonly by?: string;
    readonly comment?: string;
    readonly at?: string;
  } | null;
  readonly usage?: {
    readonly byAgent: ReadonlyArray<{ readonly agent: string } & UsageTotals>;
    readonly total: UsageTotals;
  } | null;
  readonly budget?: BudgetView | null;
  readonly reports?: { readonly markdown?: string; readonly html?: string } | null;
  readonly traceId?: string | null;
  readonly traceUrl?: string | null;
  readonly timeline?: readonly TimelineEntry[];
}

/** `POST /goals`. */
export interface SubmitResult {
  readonly goalId: string;
  readonly state?: string;
}

/** One item of `GET /approvals?status=pending`. */
export interface PendingApproval {
  readonly goalId: string;
  readonly text?: string;
  readonly requestedAt?: string;
  readonly expiresAt?: string;
  readonly previewUrl?: string;
}

/** One item of `GET /dead-letters`. */
export interface DeadLetter {
  readonly id: string;
  readonly queue: string;
  readonly reason: string | { readonly code?: string; readonly message?: string };
  readonly goalId?: string;
  readonly taskId?: string;
  readonly failedAt?: string;
  readonly attempts?: number;
  readonly payloadPreview?: string;
  readonly replay?: { readonly ok: boolean; readonly subject?: string; readonly reason?: string };
}

/** One item of `GET /agents`. */
export interface AgentQueue {
  readonly kind: string;
  readonly queue: string;
  /** Live replicas serving the queue (their presence records). */
  readonly replicas: number;
  /** Their instance ids. */
  readonly instances: readonly string[];
  readonly pending: number;
  readonly ackPending: number;
  readonly redelivered?: number;
  readonly waitingPullers: number;
  /** Tasks completed in the last minute; null when the gateway could not read the events. */
  readonly completedLastMinute: number | null;
}
