import { BudgetView } from '../api/api-schemas.js';
import { AddBudgetBody } from '../api/budget-schemas.js';
import type { ApiRoute } from './api-routes.js';

/** The budget routes of the HTTP API (`API_ROUTES` lists them). */
export const BUDGET_ROUTES: readonly ApiRoute[] = [
  {
    method: 'post',
    path: '/api/v1/goals/{goalId}/budget',
    operationId: 'addToBudget',
    summary:
      "Add to a goal's budget (recorded as `<subject> via <gateway user>`) and resume its tasks parked for want " +
      'of budget',
    roles: ['operator'],
    parameters: [
      { name: 'goalId', in: 'path', description: 'A goal id (one subject token)', required: true },
      {
        name: 'Idempotency-Key',
        in: 'header',
        description:
          '1-128 of [A-Za-z0-9_.:-]: a retry with the same key (same caller) adds nothing again and answers 200 ' +
          'with Idempotent-Replayed: true',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
      },
    ],
    body: AddBudgetBody,
    responses: {
      200: {
        description:
          'The budget after the addition (as GET goal shows it); for a retry under the same Idempotency-Key, the ' +
          'budget as stored, with Idempotent-Replayed: true',
        schema: BudgetView,
        headers: ['Idempotent-Replayed'],
      },
      404: { description: 'goal-not-found' },
      409: {
        description:
          'goal-ended (completed or failed), budget-not-open (no agent opened its budget yet), or ' +
          'replay-refused (the addition stands; a parked task could not be replayed)',
      },
      422: { description: 'budget-over-ceiling: a quantity above SWARM_BUDGET_MAX_*; nothing was added' },
    },
  },
];
