module.exports = { displayName: 'web-people', preset: '../../../jest.preset.cjs' };
