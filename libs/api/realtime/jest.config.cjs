module.exports = { displayName: 'api-realtime', preset: '../../../jest.preset.cjs' };
