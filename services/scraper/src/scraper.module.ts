import type { DynamicModule, OnModuleDestroy } from '@nestjs/common';
import { Inject, Logger, Module } from '@nestjs/common';
import { createAgentModelClient } from '@swarm/agent-kit';
import { BuiltinScraperBrain } from './brain/builtin-scraper-brain.js';
import { ModelScraperBrain } from './brain/model-scraper-brain.js';
import type { ScraperBrain } from './brain/scraper-brain.js';
import type { ScraperConfig } from './config.js';
import { ExtractPool } from './extract/extract-pool.js';
import { PageFetcher } from './fetch/page-fetcher.js';
import { ScrapeHandler } from './scrape.handler.js';
import { TOKENS } from './tokens.js';

/**
 * The scraper service, built from its parsed configuration; its brain is the builtin one unless `SWARM_MODEL`
 * names a model; pages are extracted in a worker-thread pool. Closes its HTTP connections and stops its workers
 * on shutdown.
 */
@Module({})
export class ScraperModule implements OnModuleDestroy {
  constructor(
    @Inject(TOKENS.fetcher) private readonly fetcher: PageFetcher,
    @Inject(TOKENS.extractor) private readonly extractor: ExtractPool,
  ) {}

  static forRoot(config: ScraperConfig): DynamicModule {
    return {
      module: ScraperModule,
      controllers: [ScrapeHandler],
      providers: [
        { provide: TOKENS.config, useValue: config },
        { provide: TOKENS.fetcher, useFactory: () => new PageFetcher(config.fetch) },
        {
          provide: TOKENS.extractor,
          useFactory: () =>
            new ExtractPool(config.extract, undefined, (error) =>
              new Logger('ExtractPool').warn(`an extraction worker failed between pages: ${error.message}`),
            ),
        },
        {
          provide: TOKENS.brain,
          inject: [TOKENS.extractor],
          useFactory: async (extractor: ExtractPool): Promise<ScraperBrain> => {
            const builtin = new BuiltinScraperBrain(extractor);
            const client = await createAgentModelClient(config.model);
            return client ? new ModelScraperBrain(client, builtin, config.modelTextChars) : builtin;
          },
        },
      ],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.fetcher.close(), this.extractor.close()]);
  }
}
