import { Controller, Inject } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { EventPattern, Payload } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { StageMessage } from '../pipeline/stage-message.js';
import type { Stage } from '../pipeline/stages.js';
import { nextStage } from '../pipeline/stages.js';
import { nestNatsNames } from '../pipeline/system-names.js';
import type { WorkSlots } from './stage-work.js';
import { handOff, simulateWork } from './stage-work.js';

/** DI token of the client the stage emits its hand-off with. */
export const NEXT_STAGE_CLIENT = 'NEXT_STAGE_CLIENT' as const;

/**
 * Creates the controller of one stage on NestJS's built-in NATS transport, as a Nest user writes it: an
 * `@EventPattern` handler that emits the next stage's event through a `ClientProxy` (core NATS: no
 * acknowledgement, no redelivery). `slots` bounds the simulated work per process, as the other systems' consumers do.
 */
export function createNestStageController(options: {
  readonly stage: Stage;
  readonly prefix: string;
  readonly workMs: number;
  readonly slots: WorkSlots;
}): new (client: ClientProxy) => object {
  const { stage, prefix, workMs, slots } = options;
  const next = nextStage(stage);
  const outPattern = next ? nestNatsNames.pattern(prefix, next) : nestNatsNames.completedPattern(prefix);

  @Controller()
  class NestStageController {
    constructor(@Inject(NEXT_STAGE_CLIENT) private readonly client: ClientProxy) {}

    @EventPattern<Record<string, StageMessage>>(nestNatsNames.pattern(prefix, stage))
    async handle(@Payload() task: StageMessage): Promise<void> {
      if (workMs > 0) await slots.run(() => simulateWork(workMs));
      await lastValueFrom(this.client.emit(outPattern, handOff(stage, task)), { defaultValue: undefined });
    }
  }
  return NestStageController;
}
