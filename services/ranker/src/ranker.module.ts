import { Module } from '@nestjs/common';
import { RankHandler } from './rank.handler.js';

/** The ranker service. */
@Module({ controllers: [RankHandler] })
export class RankerModule {}
