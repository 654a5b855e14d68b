module.exports = { displayName: 'api-statements', preset: '../../../jest.preset.cjs' };
