import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSecurityFiles } from '../src/security/security-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
for (const file of buildSecurityFiles(root)) {
  writeFileSync(path.join(root, file.path), file.content);
  console.log(`wrote ${file.path}`);
}
