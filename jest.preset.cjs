// Shared Jest preset: @swc/jest compiles TypeScript (legacy decorators + metadata, as Nest needs) and
// the ESM packages in node_modules to CommonJS, so one runner serves unit and integration tests.
// Workspace libs resolve to their TypeScript source through the `@swarm/source` export condition.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.int-spec.ts',
    '<rootDir>/test/**/*.int-spec.ts',
  ],
  transform: {
    '^.+\\.(t|j|mj|cj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironmentOptions: {
    customExportConditions: ['@swarm/source', 'node', 'require', 'default'],
  },
  cacheDirectory: path.join(__dirname, 'node_modules/.cache/jest'),
  testTimeout: 60_000,
};
