import { z } from 'zod';
import { ApprovalView, BudgetView, PendingApprovalView, TimelineEntry } from '../api/api-schemas.js';

/** What `submit_goal` answers. */
export const SubmitGoalOutput = z.object({ goalId: z.string(), created: z.boolean() });

/** What `get_goal` answers: where the goal stands, whether it moved during the wait, its latest events. */
export const GoalProgressOutput = z.object({
  goalId: z.string(),
  text: z.string().optional(),
  state: z.enum(['submitted', 'running', 'awaiting-approval', 'awaiting-budget', 'completed', 'failed']),
  outcome: z.string().optional(),
  summary: z.string().optional(),
  ended: z.boolean(),
  changed: z.boolean(),
  recentEvents: z.array(TimelineEntry),
});

/** What `get_report` answers (the Markdown is also the text content). */
export const ReportOutput = z.object({
  goalId: z.string(),
  stage: z.enum(['final', 'preview']),
  contentType: z.string(),
  markdown: z.string(),
});

/** What `list_approvals` answers. */
export const ApprovalsOutput = z.object({ approvals: z.array(PendingApprovalView) });

/** What `decide_approval` answers: the approval's resolution after the decision. */
export const DecisionOutput = z.object({
  goalId: z.string(),
  outcome: z.enum(['approved', 'rejected']),
  resolution: ApprovalView,
});

/** What `add_budget` answers: the goal's budget after the addition. */
export const AddBudgetOutput = z.object({ goalId: z.string(), budget: BudgetView });
