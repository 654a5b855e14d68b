// Runs every Jest project of the workspace in one process, sharing its workers (two cores).
const { join } = require('node:path');
const { getJestProjectsAsync } = require('@nx/jest');

module.exports = async () => ({ rootDir: join(__dirname, '../..'), projects: await getJestProjectsAsync() });
