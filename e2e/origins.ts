/** The test server's port: E2E_PORT, so that test runs of several engineers on one machine never meet. */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 3999);

/**
 * The browser reaches Helix as a phone on the venue's network does: by a name that is neither localhost
 * nor an IP, over plain HTTP (Chromium maps the name to the loopback server). Browsers trust localhost and
 * 127.0.0.1 as secure, so a test there never sees what a real address shows, such as a Content-Security-
 * Policy that sends every script to an https nobody answers.
 */
export const VENUE_HOST = 'helix.venue';
export const VENUE_URL = `http://${VENUE_HOST}:${E2E_PORT}`;

/** The same server for what the test runner itself calls: Node cannot resolve the venue name. */
export const LOOPBACK_URL = `http://127.0.0.1:${E2E_PORT}`;
