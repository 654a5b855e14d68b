import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const TOOLS_DIR = join(WORKSPACE_ROOT, '.tools');
/** A tiny built client (index.html and one asset), so every API test runs with the client served, as users do. */
export const WEB_CLIENT_STUB = join(WORKSPACE_ROOT, 'tools/test/web-client-stub');
/** Set by the global setup: a FerretDB shared by all test files, each using a database of its own. */
export const TEST_MONGO_URI_VAR = 'HELIX_TEST_MONGO_URI';
