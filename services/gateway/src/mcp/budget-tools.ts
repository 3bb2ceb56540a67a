import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { GoalId } from '@swarm/contracts';
import { z } from 'zod';
import { IdempotencyKey } from '../api/api-schemas.js';
import { AddBudgetBody } from '../api/budget-schemas.js';
import type { GatewayOperations, Principal } from '../api/gateway-operations.js';
import { parseOr400 } from '../api/validate.js';
import { AddBudgetOutput } from './tool-outputs.js';
import { refuseWithoutRole, refusingKnownErrors, toolResult } from './tool-results.js';

const addBudgetInput = z.strictObject({
  goalId: GoalId.describe(
    'The goal to add to (get_goal shows it as awaiting-budget when its budget ran out).',
  ),
  add: AddBudgetBody.shape.add.describe('What to add to its limits: costUsd, tokens, modelCalls (positive).'),
  deadlineMs: AddBudgetBody.shape.deadlineMs,
  idempotencyKey: IdempotencyKey.optional().describe(
    'Send the same key again (a retry) and the addition is made once; the retry returns the budget as stored.',
  ),
});

/** Registers add_budget (operator, as `POST /goals/{goalId}/budget`) for `principal`. */
export function registerBudgetTools(
  server: McpServer,
  operations: GatewayOperations,
  principal: Principal,
): void {
  server.registerTool(
    'add_budget',
    {
      title: "Add to a goal's budget",
      description:
        "Add to a goal's budget (cost, tokens, model calls, deadline) and resume the tasks it paused for want of " +
        'budget; recorded under your identity. Needs the operator role.',
      inputSchema: addBudgetInput,
      outputSchema: AddBudgetOutput,
      annotations: { destructiveHint: false, idempotentHint: false },
    },
    ({ goalId, idempotencyKey, ...body }) =>
      refuseWithoutRole(principal, 'operator', 'add_budget') ??
      refusingKnownErrors(async () => {
        const { budget, repeated } = await operations.addToBudget(
          principal,
          goalId,
          parseOr400(AddBudgetBody, body, 'budget addition'),
          idempotencyKey,
        );
        const resumed = budget.additions.at(-1)?.resumed ?? 0;
        return toolResult(
          repeated
            ? `Goal ${goalId}: this addition (key ${idempotencyKey}) was already made; nothing added again.`
            : `Goal ${goalId}: budget added by ${principal.subject}; ${resumed} task(s) resumed.`,
          {
            goalId,
            budget,
          },
        );
      }),
  );
}
