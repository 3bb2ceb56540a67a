import type { DynamicModule, OnModuleDestroy } from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';
import { createAgentModelClient } from '@swarm/agent-kit';
import { loadCorpus } from '@swarm/corpus';
import type { GuardedFetcher } from '@swarm/http-guard';
import { createGuardedFetch } from '@swarm/http-guard';
import { BuiltinSearchBrain } from './brain/builtin-search-brain.js';
import { ModelSearchBrain } from './brain/model-search-brain.js';
import type { SearchBrain } from './brain/search-brain.js';
import type { SearchConfig } from './config.js';
import { GoalHandler } from './goal.handler.js';
import { createSearchSources } from './sources/source-factory.js';
import { TOKENS } from './tokens.js';

/**
 * The search service, built from its parsed configuration (the corpus index is built once, at boot); its brain
 * is the builtin one unless `SWARM_MODEL` names a model. Remote sources share one guarded HTTP fetcher, closed on
 * shutdown.
 */
@Module({})
export class SearchModule implements OnModuleDestroy {
  constructor(@Inject(TOKENS.http) private readonly http: GuardedFetcher) {}

  static forRoot(config: SearchConfig): DynamicModule {
    return {
      module: SearchModule,
      controllers: [GoalHandler],
      providers: [
        { provide: TOKENS.config, useValue: config },
        { provide: TOKENS.http, useFactory: () => createGuardedFetch(config.http) },
        {
          provide: TOKENS.sources,
          inject: [TOKENS.http],
          useFactory: (fetcher: GuardedFetcher) =>
            createSearchSources(config.sources, {
              corpus: loadCorpus(),
              docsBaseUrl: config.search.SEARCH_DOCS_BASE_URL,
              fetcher,
              timeoutMs: config.search.SEARCH_SOURCE_TIMEOUT_MS,
              feedMaxBytes: config.sourceFetch.SEARCH_FEED_MAX_BYTES,
              httpMaxBytes: config.sourceFetch.SEARCH_HTTP_MAX_BYTES,
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

  async onModuleDestroy(): Promise<void> {
    await this.http.close();
  }
}
