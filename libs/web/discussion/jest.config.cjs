module.exports = { displayName: 'web-discussion', preset: '../../../jest.preset.cjs' };
