module.exports = { displayName: 'compose-check', preset: '../../jest.preset.cjs' };
