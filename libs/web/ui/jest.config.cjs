module.exports = { displayName: 'web-ui', preset: '../../../jest.preset.cjs' };
