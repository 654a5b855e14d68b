module.exports = { displayName: 'api-forums', preset: '../../../jest.preset.cjs' };
