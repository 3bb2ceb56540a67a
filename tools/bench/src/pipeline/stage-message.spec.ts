import { SCHEMA_VERSION } from '@swarm/contracts';
import { BENCH_SCHEMA_VERSION, buildStageMessage, stageMessageId } from './stage-message.js';
import { StageMessageSchema } from './stage-message.schema.js';
import { COMPLETION_BYTES, INBOUND_BYTES, nextStage, STAGES } from './stages.js';

const timestamp = '2026-11-21T06:14:18.123Z';

describe('buildStageMessage', () => {
  it.each(STAGES)('pads the message entering %s to its realistic size', (stage) => {
    const message = buildStageMessage({ goalId: 'g-1', stage, causationId: null, timestamp });
    expect(Buffer.byteLength(JSON.stringify(message))).toBe(INBOUND_BYTES[stage]);
  });

  it('keeps the completion event small', () => {
    const message = buildStageMessage({
      goalId: 'g-1',
      stage: 'completed',
      causationId: 'g-1/report',
      timestamp,
    });
    expect(Buffer.byteLength(JSON.stringify(message))).toBe(COMPLETION_BYTES);
    expect(message.type).toBe('bench.completed');
  });

  it('builds messages that pass the schema the swarm validates', () => {
    const message = buildStageMessage({ goalId: 'g-7', stage: 'rank', causationId: 'g-7/scrape', timestamp });
    expect(StageMessageSchema.parse(message)).toEqual(message);
  });

  it('carries the envelope version of the contracts', () => {
    expect(BENCH_SCHEMA_VERSION).toBe(SCHEMA_VERSION);
  });

  it('gives the same id to the same goal and stage, so a redelivery is de-duplicated', () => {
    const a = buildStageMessage({ goalId: 'g-2', stage: 'scrape', causationId: null, timestamp });
    expect(a.messageId).toBe(stageMessageId('g-2', 'scrape'));
    expect(a.messageId).toBe('g-2/scrape');
  });
});

describe('a fanned-out scrape', () => {
  it('adds its slot index to its id and keeps the scrape size', () => {
    const slot = { index: 7, count: 10 };
    const message = buildStageMessage({ goalId: 'g-3', stage: 'scrape', causationId: null, timestamp, slot });
    expect(message.messageId).toBe('g-3/scrape/7');
    expect(message.slot).toEqual(slot);
    expect(Buffer.byteLength(JSON.stringify(message))).toBe(INBOUND_BYTES.scrape);
    expect(StageMessageSchema.parse(message)).toEqual(message);
  });
});

describe('nextStage', () => {
  it('walks search, scrape, rank, report and then ends', () => {
    expect(STAGES.map(nextStage)).toEqual(['scrape', 'rank', 'report', undefined]);
  });
});
