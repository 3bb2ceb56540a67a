// The workspace rules, plus one exception: the doc generators in tools/ and their tests are dev-only code that
// never ships in dist/, so they may use this lib's devDependencies. src/ stays on zod alone.
import workspace from '../../eslint.config.js';

export default [
  ...workspace,
  {
    files: ['tools/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
            {
              sourceTag: 'scope:contracts',
              onlyDependOnLibsWithTags: [],
              allowedExternalImports: [
                'zod',
                'node:*',
                'yaml',
                '@asyncapi/parser',
                'ajv',
                'ajv/*',
                'ajv-formats',
              ],
            },
          ],
        },
      ],
    },
  },
];
