module.exports = { ...require('../../jest.preset.cjs'), displayName: 'http-guard', rootDir: __dirname };
