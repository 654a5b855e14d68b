module.exports = { displayName: 'api-observability', preset: '../../../jest.preset.cjs' };
