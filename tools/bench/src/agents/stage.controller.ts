import { Controller } from '@nestjs/common';
import type { QueueSpec } from '@swarm/contracts';
import type { BusTopology, TaskContext, TaskResult } from '@swarm/transport';
import { defineQueue, TaskHandler } from '@swarm/transport';
import type { StageMessage } from '../pipeline/stage-message.js';
import { StageMessageSchema } from '../pipeline/stage-message.schema.js';
import type { Stage } from '../pipeline/stages.js';
import { nextStage } from '../pipeline/stages.js';
import { handOff, simulateWork } from './stage-work.js';

/**
 * Creates the controller of one bench stage on the swarm's transport: one `@TaskHandler` on the stage's queue
 * that does no real work (or sleeps `workMs`) and hands the next stage's task off through the transport, with
 * the deterministic id from `ctx.envelope`; the last stage publishes the goal's completion event instead.
 */
export function createStageController(options: {
  readonly stage: Stage;
  readonly queues: Readonly<Record<string, QueueSpec>>;
  readonly topology: BusTopology;
  readonly workMs: number;
}): new () => object {
  const { stage, queues, topology, workMs } = options;
  const binding = defineQueue(queues[stage]!, StageMessageSchema);
  const next = nextStage(stage);

  @Controller()
  class StageController {
    @TaskHandler(binding)
    async handle(task: StageMessage, ctx: TaskContext): Promise<TaskResult> {
      await simulateWork(workMs, ctx.signal);
      const out = handOff(stage, task);
      const subject = next
        ? queues[next]!.filterSubject
        : topology.eventSubject(ctx.goalId, 'goal.completed');
      return {
        output: { stage },
        emit: [{ subject, message: { ...out, ...ctx.envelope({ messageId: out.messageId }) } }],
      };
    }
  }
  return StageController;
}
