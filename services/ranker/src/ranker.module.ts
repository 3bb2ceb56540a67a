import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { createAgentModelClient } from '@swarm/agent-kit';
import { BuiltinRankerBrain } from './brain/builtin-ranker-brain.js';
import { ModelRankerBrain } from './brain/model-ranker-brain.js';
import type { RankerBrain } from './brain/ranker-brain.js';
import type { RankerConfig } from './config.js';
import { RankHandler } from './rank.handler.js';
import { TOKENS } from './tokens.js';

/** The ranker service, built from its parsed configuration. */
@Module({})
export class RankerModule {
  static forRoot(config: RankerConfig): DynamicModule {
    return {
      module: RankerModule,
      controllers: [RankHandler],
      providers: [
        {
          provide: TOKENS.brain,
          useFactory: async (): Promise<RankerBrain> => {
            const builtin = new BuiltinRankerBrain();
            const client = await createAgentModelClient(config.model);
            return client ? new ModelRankerBrain(client, builtin) : builtin;
          },
        },
      ],
    };
  }
}
