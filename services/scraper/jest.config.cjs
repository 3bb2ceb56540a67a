module.exports = { ...require('../../jest.preset.cjs'), displayName: 'scraper', rootDir: __dirname };
