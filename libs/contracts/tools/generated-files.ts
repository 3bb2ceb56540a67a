import { MESSAGE_CATALOG, QUEUES, STREAM_SPECS } from '../src/index.js';
import { ASYNCAPI_PATH, buildAsyncApiDocument, renderAsyncApiYaml } from './asyncapi.js';
import type { GeneratedFile } from './json-schemas.js';
import { buildJsonSchemaFiles } from './json-schemas.js';

/**
 * Every generated doc with its exact content: one JSON Schema per message type and `docs/asyncapi.yaml`.
 * Pure and deterministic, so the generator and the "docs are current" test build the very same bytes.
 */
export function buildGeneratedFiles(): GeneratedFile[] {
  const asyncapi = buildAsyncApiDocument({ catalog: MESSAGE_CATALOG, streams: STREAM_SPECS, queues: QUEUES });
  return [
    ...buildJsonSchemaFiles(MESSAGE_CATALOG),
    { path: ASYNCAPI_PATH, content: renderAsyncApiYaml(asyncapi) },
  ];
}
