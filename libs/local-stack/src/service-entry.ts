import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Finds the built entry point (`<package>/main`, i.e. `dist/main.js`) of a workspace service, resolving from the
 * working directory. Throws, naming `what`, when it is not built or not installed.
 */
export function serviceEntry(packageName: string, what: string, cwd = process.cwd()): string {
  const require = createRequire(path.join(cwd, 'noop.js'));
  try {
    return require.resolve(`${packageName}/main`);
  } catch (error) {
    throw new Error(
      `cannot find ${what} (${packageName}/main): run swarm from the repository after a build`,
      {
        cause: error,
      },
    );
  }
}
