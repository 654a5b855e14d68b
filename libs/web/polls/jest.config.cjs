module.exports = { displayName: 'web-polls', preset: '../../../jest.preset.cjs' };
