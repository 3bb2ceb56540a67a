import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { createAgentModelClient } from '@swarm/agent-kit';
import { corpusTermStats } from '@swarm/corpus';
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
            // The corpus's word statistics, computed once at boot: how rare each word of a goal is.
            const termStats = corpusTermStats();
            const builtin = new BuiltinRankerBrain(termStats);
            const client = await createAgentModelClient(config.model);
            return client ? new ModelRankerBrain(client, builtin, termStats) : builtin;
          },
        },
      ],
    };
  }
}
