module.exports = { ...require('../../jest.preset.cjs'), displayName: 'deploy-check', rootDir: __dirname };
