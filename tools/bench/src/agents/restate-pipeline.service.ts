import * as restate from '@restatedev/restate-sdk';
import type { StageMessage } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';
import { STAGES } from '../pipeline/stages.js';
import { restateNames } from '../pipeline/system-names.js';

/**
 * The pipeline as a Restate service, the way its docs write durable handlers: one handler whose four stages are
 * four `ctx.run` steps. Each step's result (the next stage's message, then the completion event) is journaled
 * by the server before the handler goes on, so a retried invocation replays the finished steps from the
 * journal instead of running them again. The handler returns the completion event.
 */
export function createPipelineService(
  prefix: string,
  step: (stage: Stage, received: StageMessage) => Promise<StageMessage>,
) {
  return restate.service({
    name: restateNames.service(prefix),
    handlers: {
      [restateNames.handler]: async (ctx: restate.Context, goal: StageMessage): Promise<StageMessage> => {
        let message = goal;
        for (const stage of STAGES) {
          const received = message;
          message = await ctx.run(stage, () => step(stage, received));
        }
        return message;
      },
    },
  });
}
