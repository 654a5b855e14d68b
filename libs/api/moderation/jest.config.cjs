module.exports = { displayName: 'api-moderation', preset: '../../../jest.preset.cjs' };
