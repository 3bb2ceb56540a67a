import { Controller } from '@nestjs/common';
import type { QueueSpec } from '@swarm/contracts';
import type { BusTopology, TaskContext, TaskResult } from '@swarm/transport';
import { defineQueue, TaskHandler } from '@swarm/transport';
import type { StageMessage } from '../pipeline/stage-message.js';
import { StageMessageSchema } from '../pipeline/stage-message.schema.js';
import type { Stage } from '../pipeline/stages.js';
import { nextStage } from '../pipeline/stages.js';
import type { JoinStore } from './fan-out-join.js';
import { fanOutScrapes, landInJoin, slotKey } from './fan-out-join.js';
import { handOff, simulateWork } from './stage-work.js';

/**
 * Creates the controller of one bench stage on the swarm's transport: one `@TaskHandler` on the stage's queue
 * that does no real work (or sleeps `workMs`) and hands the next stage's task off through the transport, with
 * the deterministic id from `ctx.envelope`; the last stage publishes the goal's completion event instead. With a
 * `fanOut` the search stage emits that many scrape tasks and each scrape lands in the goal's join in the goal
 * context (`ctx.goal`, one write-once key per slot, as the swarm's scraper does); the one that completes it emits
 * the rank task.
 */
export function createStageController(options: {
  readonly stage: Stage;
  readonly queues: Readonly<Record<string, QueueSpec>>;
  readonly topology: BusTopology;
  readonly workMs: number;
  /** Scrapes per goal (0: one task per hop, no join). */
  readonly fanOut: number;
}): new () => object {
  const { stage, queues, topology, workMs, fanOut } = options;
  const binding = defineQueue(queues[stage]!, StageMessageSchema);
  const next = nextStage(stage);

  @Controller()
  class StageController {
    @TaskHandler(binding)
    async handle(task: StageMessage, ctx: TaskContext): Promise<TaskResult> {
      await simulateWork(workMs, ctx.signal);
      const subject = next
        ? queues[next]!.filterSubject
        : topology.eventSubject(ctx.goalId, 'goal.completed');
      let outs: StageMessage[];
      if (fanOut > 0 && stage === 'search') outs = fanOutScrapes(task, fanOut);
      else if (fanOut > 0 && task.slot)
        outs = (await landInJoin(goalJoin(ctx), task.slot, ctx.deliveryCount > 1))
          ? [handOff(stage, task)]
          : [];
      else outs = [handOff(stage, task)];
      return {
        output: { stage },
        emit: outs.map((out) => ({
          subject,
          message: { ...out, ...ctx.envelope({ messageId: out.messageId }) },
        })),
      };
    }
  }
  return StageController;
}

/** The goal's join slots as write-once keys `scrape.<i>` of its goal context. */
function goalJoin(ctx: TaskContext): JoinStore {
  return {
    create: async (index) => (await ctx.goal.create(slotKey(index), { landed: true })).created,
    has: async (index) => (await ctx.goal.get(slotKey(index))) !== undefined,
  };
}
