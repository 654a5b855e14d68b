module.exports = { displayName: 'api-people', preset: '../../../jest.preset.cjs' };
