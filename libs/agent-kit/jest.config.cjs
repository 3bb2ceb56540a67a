module.exports = { ...require('../../jest.preset.cjs'), displayName: 'agent-kit', rootDir: __dirname };
