import { Inject, Injectable } from '@nestjs/common';
import { ApprovalState, CONTEXT_KEYS, readApproval } from '@swarm/contracts';
import { decideApproval, goalIdInSubject, parseGoalId } from '@swarm/goal-views';
import type { SwarmClient } from '@swarm/transport';
import type { Principal } from '../auth/roles.js';
import type { GatewayConfig } from '../config.js';
import type { ApprovalResolutionView, PendingApproval } from './gateway-operations.js';
import { approvalView, goalLinks } from './goal-view.js';
import { GATEWAY_CONFIG, SWARM_CLIENT } from './tokens.js';

/** The NATS user a gateway vouches for its humans as: its own user, or `gateway` on a bus without users. */
export function voucherOf(natsUser: string | undefined): string {
  return natsUser && natsUser.length > 0 ? natsUser : 'gateway';
}

/** Approvals: which goals wait for a decision, where one stands, and recording a human's decision. */
@Injectable()
export class ApprovalsService {
  constructor(
    @Inject(SWARM_CLIENT) private readonly client: SwarmClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Goals whose approval is pending now: every goal's `approval` key in the goals bucket (the last message per
   * key, from the server's per-subject index), each read in full (`readApproval`: decisions and expiry), oldest
   * request first.
   */
  async listPendingApprovals(): Promise<PendingApproval[]> {
    const { topology } = this.client;
    const bucket = topology.goalsBucket;
    const pattern = `$KV.${bucket}.*.${CONTEXT_KEYS.approval}`;
    const requests = await this.client.readStream(`KV_${bucket}`, pattern, {
      lastPerSubject: true,
      limit: Number.POSITIVE_INFINITY,
    });
    const pending: PendingApproval[] = [];
    for (const message of requests) {
      const goalId = goalIdInSubject(pattern, message.subject);
      const state = ApprovalState.safeParse(message.body);
      if (!goalId || !state.success || state.data.expired) continue;
      const { resolution } = await readApproval(await this.client.goal(goalId));
      if (resolution.status !== 'pending') continue;
      const submitted = await this.client.readMessage(topology.eventsStream, {
        first: topology.eventSubject(goalId, 'goal.submitted'),
      });
      const text = (submitted?.body as { goal?: { text?: unknown } } | undefined)?.goal?.text;
      pending.push({
        goalId,
        ...(typeof text === 'string' ? { text } : {}),
        requestedAt: resolution.request.requestedAt,
        expiresAt: resolution.request.expiresAt,
        previewUrl: `${goalLinks(goalId).report}?stage=preview`,
      });
    }
    return pending.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  }

  /** Where one goal's approval stands. Throws GoalViewsError `invalid-goal-id`. */
  async getApproval(goalId: string): Promise<ApprovalResolutionView> {
    parseGoalId(goalId);
    return approvalView((await readApproval(await this.client.goal(goalId))).resolution);
  }

  /**
   * Records the decision of `principal` as a subject this gateway vouches for (key
   * `decision.<gateway user>.<base64url(subject)>`; the audit event's `by` reads `<subject> via <gateway user>`).
   * Throws GoalViewsError `approval-not-pending` / `invalid-decision` / `decision-not-recorded`.
   */
  async decideApproval(
    principal: Principal,
    goalId: string,
    decision: { readonly outcome: 'approved' | 'rejected'; readonly comment?: string },
  ): Promise<ApprovalResolutionView> {
    parseGoalId(goalId);
    await decideApproval(
      this.client,
      goalId,
      {
        outcome: decision.outcome === 'approved' ? 'granted' : 'rejected',
        ...(decision.comment === undefined ? {} : { comment: decision.comment }),
      },
      { vouchedBy: voucherOf(this.config.transport.natsUser), subject: principal.subject },
    );
    return this.getApproval(goalId);
  }
}
