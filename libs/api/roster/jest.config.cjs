module.exports = { displayName: 'api-roster', preset: '../../../jest.preset.cjs' };
