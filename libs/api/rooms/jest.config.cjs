module.exports = { displayName: 'api-rooms', preset: '../../../jest.preset.cjs' };
