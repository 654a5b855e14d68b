module.exports = { displayName: 'contract', preset: '../../jest.preset.cjs' };
