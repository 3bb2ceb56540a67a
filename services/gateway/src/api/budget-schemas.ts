import { GoalBudget } from '@swarm/contracts';
import { z } from 'zod';
import { API_SCHEMAS } from './api-schemas.js';

const { costUsd, tokens, modelCalls, deadlineMs } = GoalBudget.shape;

/**
 * `POST /goals/{goalId}/budget` body: what to add to the goal's limits (each a positive number within the
 * contract's bounds) and milliseconds to add to its deadline; at least one of them. The deployment's ceiling
 * (SWARM_BUDGET_MAX_*) is checked by the service, which knows it.
 */
export const AddBudgetBody = z
  .strictObject({
    add: z
      .strictObject({
        costUsd: costUsd.unwrap().positive().optional(),
        tokens: tokens.unwrap().positive().optional(),
        modelCalls: modelCalls.unwrap().positive().optional(),
      })
      .default({}),
    deadlineMs: deadlineMs
      .unwrap()
      .optional()
      .describe('Milliseconds added to the deadline (counted from now when it has passed)'),
  })
  .refine((body) => Object.keys(body.add).length > 0 || body.deadlineMs !== undefined, {
    message: 'name at least one of add.costUsd, add.tokens, add.modelCalls, deadlineMs',
  })
  .register(API_SCHEMAS, { id: 'AddBudget' });
/** A parsed `POST /goals/{goalId}/budget` body. */
export type AddBudgetBody = z.output<typeof AddBudgetBody>;
