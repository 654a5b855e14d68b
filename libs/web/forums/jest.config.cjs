module.exports = { displayName: 'web-forums', preset: '../../../jest.preset.cjs' };
