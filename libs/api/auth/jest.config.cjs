module.exports = { displayName: 'api-auth', preset: '../../../jest.preset.cjs' };
