module.exports = { displayName: 'web-initiatives', preset: '../../../jest.preset.cjs' };
