import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { createAgentModelClient } from '@swarm/agent-kit';
import { BuiltinCommunicationsBrain } from './brain/builtin-communications-brain.js';
import type { CommunicationsBrain } from './brain/communications-brain.js';
import { ModelCommunicationsBrain } from './brain/model-communications-brain.js';
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
        {
          provide: TOKENS.brain,
          useFactory: async (): Promise<CommunicationsBrain> => {
            const builtin = new BuiltinCommunicationsBrain();
            const client = await createAgentModelClient(config.model);
            return client ? new ModelCommunicationsBrain(client, builtin) : builtin;
          },
        },
      ],
    };
  }
}
