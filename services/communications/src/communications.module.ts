import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { CommunicationsConfig } from './config.js';
import { ReportHandler } from './report.handler.js';
import { createSinks } from './sinks/index.js';
import { TOKENS } from './tokens.js';

/** The communications service, built from its parsed configuration. */
@Module({})
export class CommunicationsModule {
  static forRoot(config: CommunicationsConfig): DynamicModule {
    return {
      module: CommunicationsModule,
      controllers: [ReportHandler],
      providers: [
        { provide: TOKENS.config, useValue: config },
        { provide: TOKENS.sinks, useValue: createSinks(config.sinks) },
      ],
    };
  }
}
