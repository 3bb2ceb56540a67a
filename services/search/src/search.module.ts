import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { createAgentModelClient } from '@swarm/agent-kit';
import { loadCorpus } from '@swarm/corpus';
import { BuiltinSearchBrain } from './brain/builtin-search-brain.js';
import { ModelSearchBrain } from './brain/model-search-brain.js';
import type { SearchBrain } from './brain/search-brain.js';
import type { SearchConfig } from './config.js';
import { GoalHandler } from './goal.handler.js';
import { createSearchSources } from './sources/source-factory.js';
import { TOKENS } from './tokens.js';

/**
 * The search service, built from its parsed configuration (the corpus index is built once, at boot); its brain
 * is the builtin one unless `SWARM_MODEL` names a model.
 */
@Module({})
export class SearchModule {
  static forRoot(config: SearchConfig): DynamicModule {
    return {
      module: SearchModule,
      controllers: [GoalHandler],
      providers: [
        { provide: TOKENS.config, useValue: config },
        {
          provide: TOKENS.sources,
          useFactory: () =>
            createSearchSources(config.sources, {
              corpus: loadCorpus(),
              docsBaseUrl: config.search.SEARCH_DOCS_BASE_URL,
              timeoutMs: config.search.SEARCH_SOURCE_TIMEOUT_MS,
            }),
        },
        {
          provide: TOKENS.brain,
          useFactory: async (): Promise<SearchBrain> => {
            const builtin = new BuiltinSearchBrain();
            const client = await createAgentModelClient(config.model);
            return client ? new ModelSearchBrain(client, builtin) : builtin;
          },
        },
      ],
    };
  }
}
