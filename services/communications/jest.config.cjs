module.exports = { ...require('../../jest.preset.cjs'), displayName: 'communications', rootDir: __dirname };
