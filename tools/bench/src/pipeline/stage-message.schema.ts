import { envelopeShape } from '@swarm/contracts';
import { z } from 'zod';
import { STAGES } from './stages.js';

/**
 * The schema the swarm validates a stage message against before its handler sees it: the contracts' envelope
 * (ids, schema version, timestamp) plus the stage and the padding body.
 */
export const StageMessageSchema = z.strictObject({
  type: z.enum(['bench.task', 'bench.completed']),
  ...envelopeShape,
  stage: z.enum([...STAGES, 'completed']),
  body: z.string(),
});
