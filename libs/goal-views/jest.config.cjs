module.exports = { ...require('../../jest.preset.cjs'), displayName: 'goal-views', rootDir: __dirname };
