module.exports = { displayName: 'api-search', preset: '../../../jest.preset.cjs' };
