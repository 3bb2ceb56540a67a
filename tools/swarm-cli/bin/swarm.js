#!/usr/bin/env node
import('../dist/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write(
      'swarm: the CLI is not built yet; run `npm install` (it builds) or `npx nx run-many -t build`\n',
    );
    process.exit(2);
  }
  throw error;
});
