/**
 * Writes the generated bus docs (docs/schemas/*.schema.json, docs/asyncapi.yaml) from `@swarm/contracts`, and
 * removes schema files of message types that no longer exist. Run: npm run generate -w @swarm/contracts
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeneratedFiles } from './generated-files.js';
import { SCHEMAS_DIR } from './json-schemas.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

async function main(): Promise<void> {
  const files = buildGeneratedFiles();
  const wanted = new Set(files.map((file) => file.path));
  for (const file of files) {
    const target = join(repoRoot, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, 'utf8');
  }
  for (const name of await readdir(join(repoRoot, SCHEMAS_DIR))) {
    const path = `${SCHEMAS_DIR}/${name}`;
    if (name.endsWith('.schema.json') && !wanted.has(path)) await rm(join(repoRoot, path));
  }
  console.log(`wrote ${files.length} files under ${join(repoRoot, 'docs')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
