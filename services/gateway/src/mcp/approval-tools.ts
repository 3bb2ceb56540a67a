import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { GoalId } from '@swarm/contracts';
import { DecisionBody } from '../api/api-schemas.js';
import type { GatewayOperations, Principal } from '../api/gateway-operations.js';
import { ApprovalsOutput, DecisionOutput } from './tool-outputs.js';
import { refuseWithoutRole, refusingKnownErrors, toolResult } from './tool-results.js';

const decideInput = DecisionBody.extend({
  goalId: GoalId,
  comment: DecisionBody.shape.comment.describe('Why; a rejection needs one.'),
});

/** Registers list_approvals (viewer) and decide_approval (approver) for `principal`. */
export function registerApprovalTools(
  server: McpServer,
  operations: GatewayOperations,
  principal: Principal,
): void {
  server.registerTool(
    'list_approvals',
    {
      title: 'List pending approvals',
      description:
        'Goals whose report waits for a human decision (read the report under review with get_report stage preview).',
      outputSchema: ApprovalsOutput,
      annotations: { readOnlyHint: true },
    },
    () =>
      refuseWithoutRole(principal, 'viewer', 'list_approvals') ??
      refusingKnownErrors(async () => {
        const approvals = await operations.listPendingApprovals();
        return toolResult(`${approvals.length} goal(s) wait for a decision.`, { approvals });
      }),
  );

  server.registerTool(
    'decide_approval',
    {
      title: 'Approve or reject a report',
      description:
        "Approve (deliver) or reject a goal's report that waits for a decision; recorded under your identity. " +
        'Needs the approver role.',
      inputSchema: decideInput,
      outputSchema: DecisionOutput,
      annotations: { destructiveHint: false, idempotentHint: false },
    },
    ({ goalId, outcome, comment }) =>
      refuseWithoutRole(principal, 'approver', 'decide_approval') ??
      refusingKnownErrors(async () => {
        const resolution = await operations.decideApproval(principal, goalId, {
          outcome,
          ...(comment === undefined ? {} : { comment }),
        });
        return toolResult(`Goal ${goalId}: ${outcome} by ${principal.subject}.`, {
          goalId,
          outcome,
          resolution,
        });
      }),
  );
}
