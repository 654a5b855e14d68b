module.exports = { displayName: 'web-qa', preset: '../../../jest.preset.cjs' };
