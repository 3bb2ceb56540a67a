import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { GoalSpecInput } from '@swarm/contracts';
import type { BudgetRecord } from '@swarm/contracts';
import {
  ARTIFACTS,
  BudgetRecord as BudgetRecordSchema,
  CONTEXT_KEYS,
  describeIssues,
  HEADERS,
  isTerminalEventType,
  readApproval,
} from '@swarm/contracts';
import {
  buildGoalSubmission,
  judgeGoalEvents,
  needsEvidence,
  newGoalId,
  parseGoalId,
  planBoardReads,
  readGoalHeads,
  readGoalRows,
  toGoalEvents,
  verifyEndedHeads,
} from '@swarm/goal-views';
import type { GoalRow } from '@swarm/goal-views';
import type { GoalContext, SwarmClient } from '@swarm/transport';
import type { GatewayConfig } from '../config.js';
import { GATEWAY_ERROR_CODES, GatewayError, goalNotFound } from '../errors.js';
import type { Principal } from '../auth/roles.js';
import { SubmitGoalBody } from './api-schemas.js';
import type { GoalFeedEvent, GoalListItem, GoalView, SubmittedGoal } from './gateway-operations.js';
import { buildGoalView } from './goal-view.js';
import { sequenced } from './timeline-entries.js';
import { GATEWAY_CONFIG, SWARM_CLIENT } from './tokens.js';

/** The goal id of an idempotent submission: the same (subject, key) always names the same goal. Pure. */
export function idempotentGoalId(subject: string, key: string): string {
  return `g-k-${createHash('sha256').update(`${subject}\n${key}`).digest('hex').slice(0, 32)}`;
}

/** A board row as the API lists it. Pure. */
export function toListItem(row: GoalRow): GoalListItem {
  return {
    goalId: row.goalId,
    ...(row.text === undefined ? {} : { text: row.text }),
    state: row.outcome,
    ...(row.stage === undefined ? {} : { stage: row.stage }),
    submittedAt: row.submittedAt.toISOString(),
    ...(row.endedAt === undefined ? {} : { endedAt: row.endedAt.toISOString() }),
    ageSeconds: row.ageSeconds,
  };
}

/** Goals: submit, list, one goal's view, its live events and its report. Roles are the door's business. */
@Injectable()
export class GoalsService {
  constructor(
    @Inject(SWARM_CLIENT) private readonly client: SwarmClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Submits a goal as `principal` through the swarm's door. With `idempotencyKey` the goal id comes from
   * (subject, key): a stored submission of the same goal answers `created: false`, of another goal 409.
   */
  async submitGoal(
    principal: Principal,
    spec: GoalSpecInput,
    idempotencyKey?: string,
  ): Promise<SubmittedGoal> {
    const body = SubmitGoalBody.safeParse(spec);
    if (!body.success)
      throw new GatewayError(
        400,
        GATEWAY_ERROR_CODES.invalidGoal,
        `goal rejected: ${describeIssues(body.error.issues)}`,
        {
          members: { issues: body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        },
      );
    const goalId = idempotencyKey ? idempotentGoalId(principal.subject, idempotencyKey) : newGoalId();
    const submission = buildGoalSubmission({ ...body.data, submittedBy: principal.subject }, { goalId });
    if (idempotencyKey) {
      const { topology } = this.client;
      const stored = await this.client.readMessage(topology.eventsStream, {
        first: topology.eventSubject(goalId, 'goal.submitted'),
      });
      if (stored) {
        const storedId =
          stored.headers[HEADERS.messageId]?.[0] ??
          (stored.body as { messageId?: unknown } | null)?.messageId;
        if (storedId !== submission.message.messageId)
          throw new GatewayError(
            409,
            GATEWAY_ERROR_CODES.idempotencyConflict,
            `Idempotency-Key "${idempotencyKey}" was used for another goal (${goalId}); use a new key for a new goal`,
            { members: { goalId } },
          );
        return { goalId, created: false, state: 'submitted' };
      }
    }
    const ack = await this.client.submitGoal({ subject: submission.subject, message: submission.message });
    return { goalId, created: !ack.duplicate, state: 'submitted' };
  }

  /** Newest first, at most `limit` (capped at `GATEWAY_PAGE_SIZE_MAX`), after `cursor`, optionally in `state`. */
  async listGoals(options: {
    readonly limit: number;
    readonly cursor?: string;
    readonly state?: string;
  }): Promise<{ goals: GoalListItem[]; nextCursor?: string }> {
    const limit = Math.min(Math.max(1, options.limit), this.config.pageSizeMax);
    const before = options.cursor === undefined ? Number.POSITIVE_INFINITY : Number(options.cursor);
    const heads = (await readGoalHeads(this.client)).filter(
      (head) => head.submittedSeq < before && (options.state === undefined || head.outcome === options.state),
    );
    const page = heads.slice(0, limit);
    const verified = await verifyEndedHeads(this.client, page);
    const plan = planBoardReads(verified.heads, { all: true });
    const rows = await readGoalRows(this.client, verified.heads, plan.stageOf, () => new Date());
    const last = page.at(-1);
    return {
      goals: rows.map(toListItem),
      ...(heads.length > limit && last ? { nextCursor: String(last.submittedSeq) } : {}),
    };
  }

  /** One goal's full view. Throws 400 for an id that is no goal id, 404 when nothing is stored under it. */
  async getGoal(goalId: string): Promise<GoalView> {
    parseGoalId(goalId);
    const messages = await this.client.goalEvents(goalId);
    const events = sequenced(messages, toGoalEvents);
    if (events.length === 0) throw goalNotFound(goalId);
    const plain = events.map((entry) => entry.event);
    const [evidence, approval, budget] = await Promise.all([
      needsEvidence(plain) ? this.client.goalEvidence(goalId) : Promise.resolve(undefined),
      this.client.goal(goalId).then(readApproval),
      this.client.goal(goalId).then(readBudgetRecord),
    ]);
    const submitted = messages.find(
      (m) => m.subject === this.client.topology.eventSubject(goalId, 'goal.submitted'),
    );
    return buildGoalView({
      goalId,
      events,
      evidence,
      approval: approval.resolution,
      ...(budget ? { budget } : {}),
      traceparent: submitted?.headers['traceparent']?.[0],
      jaegerUrl: this.config.jaegerUrl,
    });
  }

  /** Throws 400 for a bad id and 404 when no submission of the goal is stored. */
  async assertGoalExists(goalId: string): Promise<void> {
    parseGoalId(goalId);
    const { topology } = this.client;
    const first = await this.client.readMessage(topology.eventsStream, {
      first: topology.goalEventsSubject(goalId),
    });
    if (!first) throw goalNotFound(goalId);
  }

  /**
   * Whether the goal's trusted terminal event is stored at or before `afterSeq`: a reader resuming after it has
   * seen the end already (the feed after it would never end).
   */
  async endedBy(goalId: string, afterSeq: number): Promise<boolean> {
    if (afterSeq <= 0) return false;
    const { topology } = this.client;
    const ends = await Promise.all(
      (['goal.completed', 'goal.failed'] as const).map((type) =>
        this.client.readMessage(topology.eventsStream, { last: topology.eventSubject(goalId, type) }),
      ),
    );
    const seen = ends.filter((m) => m !== undefined && m.streamSequence <= afterSeq);
    if (seen.length === 0) return false;
    const evidence = await this.client.goalEvidence(goalId);
    return (
      judgeGoalEvents(goalId, toGoalEvents(seen.flatMap((m) => (m ? [m] : []))), evidence).honoured.length > 0
    );
  }

  /**
   * The goal's events after `afterSeq` (0: all), then live ones, until `signal` aborts or a trusted terminal event
   * (which is the last one yielded). Events a reader ignores (forged, unbacked) are skipped.
   */
  async *followGoal(goalId: string, afterSeq: number, signal: AbortSignal): AsyncGenerator<GoalFeedEvent> {
    const subject = this.client.topology.goalEventsSubject(goalId);
    for await (const message of this.client.followEvents(subject, signal, { afterSequence: afterSeq })) {
      for (const event of toGoalEvents([message])) {
        const terminal = isTerminalEventType(event.type);
        const evidence = terminal ? await this.client.goalEvidence(goalId, message.headers) : undefined;
        if (judgeGoalEvents(goalId, [event], evidence).honoured.length === 0) continue;
        yield { seq: message.streamSequence, type: event.type, body: event.body, terminal };
        if (terminal) return;
      }
    }
  }

  /** The final report (`md` or `html`), or the preview under review (Markdown). Throws 404 `report-not-ready`. */
  async getReport(
    goalId: string,
    format: 'md' | 'html',
    stage: 'final' | 'preview',
  ): Promise<{ contentType: string; body: string }> {
    parseGoalId(goalId);
    const name =
      stage === 'preview'
        ? ARTIFACTS.reportPreview
        : format === 'html'
          ? ARTIFACTS.reportHtml
          : ARTIFACTS.reportMarkdown;
    const bytes = await (await this.client.goal(goalId)).getArtifact(name);
    if (!bytes)
      throw new GatewayError(404, GATEWAY_ERROR_CODES.reportNotReady, `goal ${goalId} has no ${name} (yet)`);
    const html = stage === 'final' && format === 'html';
    return {
      contentType: html ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8',
      body: new TextDecoder().decode(bytes),
    };
  }
}

/** The goal's budget record, or undefined when it has none or it does not parse (a newer deployment's record). */
async function readBudgetRecord(goal: GoalContext): Promise<BudgetRecord | undefined> {
  const parsed = BudgetRecordSchema.safeParse((await goal.get(CONTEXT_KEYS.budget))?.value);
  return parsed.success ? parsed.data : undefined;
}
