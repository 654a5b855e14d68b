// Imports nothing of the project's own: tools/scripts/test-all.mjs loads this file straight into Node.
import { join, resolve } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';

/**
 * The FerretDB release with Helix's patch (ferretdb-patch.ts). A binary is kept in a folder of this
 * name, so one built from an earlier checkout without the patch (or with an older one) is never reused.
 */
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-helix.2`;

export function ferretDbBinaryPath(toolsDir: string): string {
  return join(resolve(toolsDir), 'ferretdb', FERRETDB_BUILD, 'ferretdb');
}
