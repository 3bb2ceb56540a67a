import * as restate from '@restatedev/restate-sdk';
import type { StageMessage } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';
import { STAGES } from '../pipeline/stages.js';
import { restateNames } from '../pipeline/system-names.js';
import { fanOutScrapes } from './fan-out-join.js';

/**
 * The pipeline as a Restate service, the way its docs write durable handlers: one handler whose four stages are
 * four `ctx.run` steps. Each step's result (the next stage's message, then the completion event) is journaled
 * by the server before the handler goes on, so a retried invocation replays the finished steps from the
 * journal instead of running them again. The handler returns the completion event. With a `fanOut` the scrape
 * stage is that many `ctx.run` steps started together and awaited with `RestatePromise.all` (the join).
 */
export function createPipelineService(
  prefix: string,
  step: (stage: Stage, received: StageMessage) => Promise<StageMessage>,
  fanOut = 0,
) {
  return restate.service({
    name: restateNames.service(prefix),
    handlers: {
      [restateNames.handler]: async (ctx: restate.Context, goal: StageMessage): Promise<StageMessage> => {
        let message = goal;
        for (const stage of STAGES) {
          const received = message;
          if (stage === 'scrape' && fanOut > 0) {
            const scrapes = fanOutScrapes(received, fanOut).map((scrape, index) =>
              ctx.run(`scrape-${index}`, () => step(stage, scrape)),
            );
            message = (await restate.RestatePromise.all(scrapes))[0]!;
          } else {
            message = await ctx.run(stage, () => step(stage, received));
          }
        }
        return message;
      },
    },
  });
}
