module.exports = { displayName: 'web-auth', preset: '../../../jest.preset.cjs', passWithNoTests: true };
