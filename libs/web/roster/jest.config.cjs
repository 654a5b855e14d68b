module.exports = { displayName: 'web-roster', preset: '../../../jest.preset.cjs' };
