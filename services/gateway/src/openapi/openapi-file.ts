import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './openapi-document.js';

/** The committed OpenAPI document, relative to the repository root. */
export const OPENAPI_FILE = 'docs/gateway.openapi.json';

/** The repository root (three levels above this file, in `src/` or `dist/`). */
export function repoRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
}

/** What `docs/gateway.openapi.json` holds: the document with the default server, as formatted JSON. Pure. */
export function openApiFileContent(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
