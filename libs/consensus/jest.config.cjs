module.exports = { displayName: 'consensus', preset: '../../jest.preset.cjs' };
