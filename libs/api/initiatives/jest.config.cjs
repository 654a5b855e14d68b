module.exports = { displayName: 'api-initiatives', preset: '../../../jest.preset.cjs' };
