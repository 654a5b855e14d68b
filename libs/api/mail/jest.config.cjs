module.exports = { displayName: 'api-mail', preset: '../../../jest.preset.cjs' };
