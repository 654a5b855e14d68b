module.exports = { displayName: 'web-statements', preset: '../../../jest.preset.cjs' };
