import { Controller } from '@nestjs/common';
import type { QueueSpec } from '@swarm/contracts';
import { OnDeadLetter, TaskHandler } from '../nest/task-handler.decorator.js';
import type { DeadLetterRecord } from '@swarm/contracts';
import type { DeadLetterContext, TaskContext, TaskResult } from '../queue/queue-binding.js';
import { defineQueue } from '../queue/queue-binding.js';
import { BudgetExhaustedError, TaskError } from '../errors.js';
import { GoalBudgetLedger } from '../context/goal-budget-ledger.js';
import { recordModelUsage } from '../observability/task-scope.js';
import { reserveModelCall } from '../context/model-call-budget.js';
import type { WorkTask } from './work-task.js';
import { WorkTask as WorkTaskSchema } from './work-task.js';

/** What a work handler reports as it runs (tests watch these on stdout or in-process). */
export type WorkObserver = (
  event: 'started' | 'finished' | 'dead-lettered',
  taskId: string,
  deliveryCount: number,
) => void;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Creates a Nest controller serving the `work` queue: it works as long as the task says, fails as it says, and
 * hands off one `next` task per work task (with a deterministic id), so tests can count effects downstream.
 */
export function createWorkController(
  work: QueueSpec,
  next: QueueSpec,
  observe: WorkObserver,
): new () => object {
  const binding = defineQueue(work, WorkTaskSchema);

  @Controller()
  class WorkController {
    @TaskHandler(binding)
    async work(task: WorkTask, ctx: TaskContext): Promise<TaskResult> {
      observe('started', task.taskId, ctx.deliveryCount);
      if (task.work.spendTokens !== undefined) {
        recordModelUsage({
          model: 'test:model',
          promptVersions: ['work@1'],
          calls: 1,
          inputTokens: task.work.spendTokens,
          outputTokens: 0,
          costUsd: 0,
        });
      }
      for (let call = 0; call < (task.work.reserveModelCalls ?? 0); call++) {
        const ticket = await reserveModelCall({ costUsd: 0, tokens: 0, modelCalls: 1 }).catch(
          async (error: unknown) => {
            // A human's addition landing between the budget running out and this task being parked.
            const topUp = task.work.topUpWhenExhausted;
            if (topUp && error instanceof BudgetExhaustedError)
              await new GoalBudgetLedger(ctx.goal, { onExhausted: 'fail' }).record({
                by: 'racing-operator',
                at: new Date().toISOString(),
                add: { modelCalls: topUp },
              });
            throw error;
          },
        );
        await ticket.settle({ costUsd: 0, tokens: 0, modelCalls: 1 });
      }
      await sleep(task.work.ms, ctx.signal);
      if (ctx.signal.aborted)
        throw TaskError.retryable('abandoned', `task ${task.taskId} abandoned at shutdown`);
      if (task.work.permanentFailure)
        throw TaskError.permanent('refused', `task ${task.taskId} is refused for good`);
      if (ctx.deliveryCount <= task.work.failUntilDelivery) {
        throw TaskError.retryable(
          'flaky',
          `task ${task.taskId} failed on delivery ${ctx.deliveryCount}`,
          undefined,
          task.work.retryAfterMs,
        );
      }
      observe('finished', task.taskId, ctx.deliveryCount);
      const nextId = `${task.taskId}/next`;
      return {
        output: { worked: task.work.ms, by: ctx.agent.instance },
        emit: [
          {
            subject: next.filterSubject,
            message: {
              type: 'task.work',
              ...ctx.envelope({ messageId: nextId }),
              work: { ms: 0 },
            } as WorkTask,
          },
        ],
      };
    }

    @OnDeadLetter(binding)
    deadLettered(record: DeadLetterRecord, _ctx: DeadLetterContext): Promise<void> {
      observe('dead-lettered', record.taskId, record.deliveryCount);
      return Promise.resolve();
    }
  }
  return WorkController;
}
