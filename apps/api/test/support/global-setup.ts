// Jest runs the global setup outside its module resolver, so the tsconfig alias is not available here.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  ensureFerretDbBinary,
  startFerretDb,
  type EmbeddedDatabase,
} from '../../../../libs/api/embedded-db/src';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_MONGO_URI_VAR, TOOLS_DIR } from './paths';

declare global {
  var helixTestDatabase: EmbeddedDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_MONGO_URI_VAR]) return;
  const binary = await ensureFerretDbBinary({ toolsDir: TOOLS_DIR, log: (line) => console.log(line) });
  const dataDir = await mkdtemp(join(tmpdir(), 'helix-test-db-'));
  globalThis.helixTestDatabase = await startFerretDb({ binary, dataDir });
  // Workers are started after this and inherit the environment.
  process.env[TEST_MONGO_URI_VAR] = globalThis.helixTestDatabase.uri;
}
