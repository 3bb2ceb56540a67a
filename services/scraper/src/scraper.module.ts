import type { DynamicModule, OnModuleDestroy } from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';
import type { ScraperConfig } from './config.js';
import { PageFetcher } from './fetch/page-fetcher.js';
import { ScrapeHandler } from './scrape.handler.js';
import { TOKENS } from './tokens.js';

/** The scraper service, built from its parsed configuration. Closes its HTTP connections on shutdown. */
@Module({})
export class ScraperModule implements OnModuleDestroy {
  constructor(@Inject(TOKENS.fetcher) private readonly fetcher: PageFetcher) {}

  static forRoot(config: ScraperConfig): DynamicModule {
    return {
      module: ScraperModule,
      controllers: [ScrapeHandler],
      providers: [
        { provide: TOKENS.config, useValue: config },
        { provide: TOKENS.fetcher, useFactory: () => new PageFetcher(config.fetch) },
      ],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.fetcher.close();
  }
}
