module.exports = { displayName: 'web-search', preset: '../../../jest.preset.cjs' };
