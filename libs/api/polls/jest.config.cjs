module.exports = { displayName: 'api-polls', preset: '../../../jest.preset.cjs' };
