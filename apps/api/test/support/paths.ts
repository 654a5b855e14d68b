import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const TOOLS_DIR = join(WORKSPACE_ROOT, '.tools');
/** Set by the global setup: a FerretDB shared by all test files, each using a database of its own. */
export const TEST_MONGO_URI_VAR = 'HELIX_TEST_MONGO_URI';
