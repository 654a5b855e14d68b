module.exports = { displayName: 'web-moderation', preset: '../../../jest.preset.cjs' };
