const preset = require('../../jest.preset.cjs');

// The preset covers src/ and test/; the doc generators in tools/ have unit tests too.
module.exports = {
  ...preset,
  displayName: 'contracts',
  rootDir: __dirname,
  testMatch: [...preset.testMatch, '<rootDir>/tools/**/*.spec.ts'],
};
