import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GENERATE_COMMAND } from './asyncapi.js';
import { buildGeneratedFiles } from './generated-files.js';
import { SCHEMAS_DIR } from './json-schemas.js';

const repoRoot = resolve(__dirname, '../../..');

function readCheckedIn(path: string): string | undefined {
  try {
    return readFileSync(join(repoRoot, path), 'utf8');
  } catch {
    return undefined;
  }
}

describe('generated docs', () => {
  const files = buildGeneratedFiles();

  it.each(files.map((file) => [file.path, file] as const))('%s is current', (path, file) => {
    const checkedIn = readCheckedIn(path);
    if (checkedIn !== file.content) {
      throw new Error(
        `${path} is ${checkedIn === undefined ? 'missing' : 'out of date'} with the contracts; run \`${GENERATE_COMMAND}\` and commit the result`,
      );
    }
  });

  it(`holds no schema file in ${SCHEMAS_DIR} for a message type that no longer exists`, () => {
    const expected = files.filter((file) => file.path.startsWith(`${SCHEMAS_DIR}/`)).map((file) => file.path);
    const present = readdirSync(join(repoRoot, SCHEMAS_DIR)).map((name) => `${SCHEMAS_DIR}/${name}`);
    const stale = present.filter((path) => !expected.includes(path));
    if (stale.length > 0) {
      throw new Error(`${stale.join(', ')} no longer generated; run \`${GENERATE_COMMAND}\` to remove them`);
    }
  });

  it('builds the same bytes every time', () => {
    expect(buildGeneratedFiles()).toEqual(files);
  });
});
