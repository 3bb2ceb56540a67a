import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { GoalId, GoalSpec } from '@swarm/contracts';
import { z } from 'zod';
import type { GatewayOperations, Principal } from '../api/gateway-operations.js';
import { hasEnded, progressOfView } from '../a2a/goal-progress.js';
import { waitForGoalChange } from './goal-watch.js';
import type { McpLimits } from './mcp-options.js';
import { GoalProgressOutput, ReportOutput, SubmitGoalOutput } from './tool-outputs.js';
import { refuseWithoutRole, refusingKnownErrors, toolResult } from './tool-results.js';

const submitInput = GoalSpec.omit({ submittedBy: true }).extend({
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,128}$/)
    .optional()
    .describe('Send the same key again (same goal) to get the same goal back instead of a second one.'),
});

/** `get_goal`'s input: `waitSeconds` is bounded by `GATEWAY_MCP_WAIT_MAX_SECONDS`. */
const getGoalInput = (waitMaxSeconds: number) =>
  z.strictObject({
    goalId: GoalId.describe('The goal id submit_goal returned.'),
    waitSeconds: z
      .int()
      .min(0)
      .max(waitMaxSeconds)
      .default(0)
      .describe(`Wait up to this many seconds (<= ${waitMaxSeconds}) for the goal to change state or end.`),
  });

const getReportInput = z.strictObject({
  goalId: GoalId,
  stage: z
    .enum(['final', 'preview'])
    .default('final')
    .describe('final: the delivered report; preview: the report waiting for approval.'),
});

/** Registers submit_goal (submitter), get_goal and get_report (viewer) for `principal`, within `limits`. */
export function registerGoalTools(
  server: McpServer,
  operations: GatewayOperations,
  principal: Principal,
  limits: McpLimits,
): void {
  server.registerTool(
    'submit_goal',
    {
      title: 'Submit a goal',
      description:
        'Ask the swarm to find and rank open-source packages for a goal in plain words (e.g. "top 3 TypeScript ' +
        'CSV parsers"). Returns the goal id at once; follow it with get_goal and read it with get_report. ' +
        'Needs the submitter role.',
      inputSchema: submitInput,
      outputSchema: SubmitGoalOutput,
    },
    ({ idempotencyKey, ...spec }) =>
      refuseWithoutRole(principal, 'submitter', 'submit_goal') ??
      refusingKnownErrors(async () => {
        const submitted = await operations.submitGoal(principal, spec, idempotencyKey);
        const sentence = submitted.created
          ? `Goal ${submitted.goalId} submitted; follow it with get_goal (waitSeconds up to ${limits.waitMaxSeconds}).`
          : `Goal ${submitted.goalId} was already submitted with this idempotency key.`;
        return toolResult(sentence, { goalId: submitted.goalId, created: submitted.created });
      }),
  );

  server.registerTool(
    'get_goal',
    {
      title: 'Follow a goal',
      description:
        'Where a goal stands: state (submitted, running, awaiting-approval, awaiting-budget, completed, failed), ' +
        'outcome, summary ' +
        'and its latest events. With waitSeconds it first waits for the state to change or the goal to end.',
      inputSchema: getGoalInput(limits.waitMaxSeconds),
      outputSchema: GoalProgressOutput,
      annotations: { readOnlyHint: true },
    },
    ({ goalId, waitSeconds }, extra) =>
      refuseWithoutRole(principal, 'viewer', 'get_goal') ??
      refusingKnownErrors(async () => {
        const before = await operations.getGoal(goalId);
        const changed = await waitForGoalChange(operations, before, waitSeconds * 1000, extra.signal);
        const view = changed ? await operations.getGoal(goalId) : before;
        const progress = progressOfView(view);
        const data = {
          goalId,
          text: view.text,
          state: progress.phase,
          outcome: progress.outcome,
          summary: progress.summary,
          ended: hasEnded(progress),
          changed,
          recentEvents: view.timeline.slice(-limits.recentEvents),
        };
        const ended = data.ended ? ' Read its report with get_report.' : '';
        return toolResult(`Goal ${goalId} is ${progress.phase}.${ended}`, data);
      }),
  );

  server.registerTool(
    'get_report',
    {
      title: 'Read a goal report',
      description:
        "The goal's Markdown report once it completed (stage final), or the report awaiting approval (stage preview).",
      inputSchema: getReportInput,
      outputSchema: ReportOutput,
      annotations: { readOnlyHint: true },
    },
    ({ goalId, stage }) =>
      refuseWithoutRole(principal, 'viewer', 'get_report') ??
      refusingKnownErrors(async () => {
        const report = await operations.getReport(goalId, 'md', stage);
        return {
          content: [{ type: 'text', text: report.body }],
          structuredContent: { goalId, stage, contentType: report.contentType, markdown: report.body },
        };
      }),
  );
}
