import { envelopeShape } from '@swarm/contracts';
import { z } from 'zod';
import { STAGES } from './stages.js';

/**
 * The schema the swarm validates a stage message against before its handler sees it: the contracts' envelope
 * (ids, schema version, timestamp) plus the stage, a fanned-out scrape's join slot and the padding body.
 */
export const StageMessageSchema = z.strictObject({
  type: z.enum(['bench.task', 'bench.completed']),
  ...envelopeShape,
  stage: z.enum([...STAGES, 'completed']),
  slot: z.strictObject({ index: z.int().min(0), count: z.int().min(1) }).optional(),
  body: z.string(),
});
