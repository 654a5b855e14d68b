import { defineConfig, devices } from '@playwright/test';
import { join } from 'node:path';
import { E2E_PORT as port, LOOPBACK_URL, VENUE_HOST, VENUE_URL } from './origins';

const root = join(__dirname, '..');
const ORGANIZER_SPEC = '**/organizer.spec.ts';

/**
 * Debian's Chromium; as root it needs --no-sandbox, and the closed network needs background traffic off.
 * It resolves the venue name to the test server (see origins.ts).
 */
export const chromiumLaunch = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-quic',
    '--no-first-run',
    '--disable-sync',
    `--host-resolver-rules=MAP ${VENUE_HOST} 127.0.0.1`,
  ],
};

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/results',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(root, 'tmp/test-results/e2e.json') }]],
  use: {
    baseURL: VENUE_URL,
    launchOptions: chromiumLaunch,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined },
      // Phone sizes are the layout spec's subject.
      testIgnore: ['**/layout.spec.ts', ORGANIZER_SPEC],
    },
    {
      name: 'phone',
      // Issue 8: every screen works at 360 px, the narrowest phones in use; Pixel 7 keeps touch, UA and density.
      use: { ...devices['Pixel 7'], viewport: { width: 360, height: 780 }, channel: undefined },
      // Four people voting in one browser is a desktop scenario; phones are covered by the other specs.
      // Keyboard use is a desktop scenario: phones have no Tab key.
      testIgnore: ['**/initiatives.spec.ts', '**/keyboard.spec.ts', ORGANIZER_SPEC],
    },
    {
      // Closing a forum closes the seeded one first (one forum is live at a time), and a closed forum is an
      // archive nobody writes in: the organizer's run comes after every other project. Alone:
      // `--project=organizer --no-deps`.
      name: 'organizer',
      testMatch: ORGANIZER_SPEC,
      dependencies: ['desktop', 'phone'],
      use: { ...devices['Desktop Chrome'], channel: undefined },
    },
  ],
  webServer: {
    // The production build, as `npm start` serves it, on a fresh embedded database.
    command: `rm -rf tmp/e2e-data-${port} && node dist/apps/api/main.js`,
    cwd: root,
    url: `${LOOPBACK_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      // One database per port: test servers on other ports (other engineers' runs) neither share nor wipe it.
      HELIX_DATA_DIR: `tmp/e2e-data-${port}`,
      JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-signing',
      ADMIN_EMAILS: 'chair@forum.test',
      PASSWORD_HASH_COST: 'fast',
    },
  },
});
