const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'gateway',
  rootDir: __dirname,
  // The web console's pure logic (SSE parser, waterfall layout, labels, routes) is tested here too.
  testMatch: [...preset.testMatch, '<rootDir>/console/src/**/*.spec.ts'],
};
