/**
 * Writes docs/gateway.openapi.json from the gateway's route table and zod schemas (`openApiDocument`).
 * Run: npm run generate -w @swarm/gateway (a spec test fails while the committed copy is stale).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OPENAPI_FILE, openApiFileContent, repoRoot } from '../src/openapi/openapi-file.js';

writeFile(join(repoRoot(), OPENAPI_FILE), openApiFileContent(), 'utf8').then(
  () => console.log(`wrote ${OPENAPI_FILE}`),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
