module.exports = { displayName: 'api-discussion', preset: '../../../jest.preset.cjs' };
