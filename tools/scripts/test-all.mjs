// `npm test`: every test of the workspace. Unit and integration tests (Jest, all projects, real
// FerretDB and Socket.IO), then browser tests (Playwright in Debian's Chromium) against the built app.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureGo, ensureSystemPrograms } from './system-programs.mjs';

const root = join(import.meta.dirname, '../..');
const results = join(root, 'tmp/test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

if (!process.version.startsWith('v24.')) {
  console.warn(
    `Warning: running on Node ${process.version}; Helix targets Node 24 (run through npm so node_modules/.bin/node is used).`,
  );
}
// Node strips the types; require, because importing a .ts of a package without "type" prints a warning.
const { ferretDbBinaryPath } = createRequire(import.meta.url)(
  '../../libs/api/embedded-db/src/lib/ferretdb-build.ts',
);
ensureGo(existsSync(ferretDbBinaryPath(join(root, '.tools'))));
ensureSystemPrograms(['chromium', 'redis-server']);

const run = (command, args, env = {}) =>
  spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...env },
  }).status ?? 1;

// The build comes first: the scale-out tests run the built API as separate processes.
const buildStatus = run('nx', ['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
// The web client's initial JavaScript must stay within its gzip budget; it counts as one test.
const budgetStatus =
  buildStatus === 0 ? run(process.execPath, ['tools/scripts/check-web-budget.mjs']) : undefined;
const jestStatus = run('jest', [
  '-c',
  'tools/test/jest.workspace.cjs',
  '--json',
  `--outputFile=${join(results, 'jest.json')}`,
]);
const e2eStatus = buildStatus === 0 ? run('playwright', ['test', '-c', 'e2e/playwright.config.ts']) : 1;

const jest = readJson('jest.json');
const e2e = readJson('e2e.json');
const budgetPassed = budgetStatus === 0 ? 1 : 0;
const budgetFailed = budgetStatus === undefined || budgetStatus === 0 ? 0 : 1;
const passed = (jest?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + budgetPassed;
const failed =
  (jest?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0) + (e2e?.stats?.flaky ?? 0) + budgetFailed;
console.log(
  `\nUnit and integration: ${jest?.numPassedTests ?? 0} passed, ${jest?.numFailedTests ?? 0} failed`,
);
console.log(`Browser: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.unexpected ?? 0} failed`);
console.log(
  budgetStatus === undefined
    ? 'JavaScript budget: not run (the build failed)'
    : `JavaScript budget: ${budgetPassed} passed, ${budgetFailed} failed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(jestStatus || buildStatus || budgetStatus || e2eStatus || (failed ? 1 : 0));

function readJson(name) {
  const file = join(results, name);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}
