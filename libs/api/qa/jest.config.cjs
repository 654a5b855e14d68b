module.exports = { displayName: 'api-qa', preset: '../../../jest.preset.cjs' };
