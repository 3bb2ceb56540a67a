import { ApprovalDecision, BUCKETS, MESSAGE_CATALOG, QUEUES, STREAM_SPECS } from '../src/index.js';
import { ASYNCAPI_PATH, buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi.js';
import type { GeneratedFile } from './json-schemas.js';
import { buildJsonSchemaFiles, buildValueSchemaFiles } from './json-schemas.js';

/**
 * Every generated doc with its exact content: one JSON Schema per message type, one per goal-context value a
 * client writes (the approval decision), and `docs/asyncapi.yaml`.
 * Pure and deterministic, so the generator and the "docs are current" test build the very same bytes.
 */
export function buildGeneratedFiles(): GeneratedFile[] {
  const asyncapi = buildAsyncApiDocument({ catalog: MESSAGE_CATALOG, streams: STREAM_SPECS, queues: QUEUES });
  return [
    ...buildJsonSchemaFiles(MESSAGE_CATALOG),
    ...buildValueSchemaFiles([
      {
        name: 'approval-decision',
        description: `An approver's decision on a goal waiting for approval: the value of the key \`<goalId>.decision.<natsUser>\` in the KV bucket \`${BUCKETS.goals}\`, created once. Who decided is the key's last token; other fields are ignored.`,
        schema: ApprovalDecision,
      },
    ]),
    { path: ASYNCAPI_PATH, content: renderAsyncApiYaml(asyncapi) },
  ];
}
