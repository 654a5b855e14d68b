module.exports = { displayName: 'api-embedded-db', preset: '../../../jest.preset.cjs' };
