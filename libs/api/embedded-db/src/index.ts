export { ensureFerretDbBinary, FERRETDB_VERSION } from './lib/ferretdb-binary';
export { startFerretDb, type EmbeddedDatabase, type StartFerretDbOptions } from './lib/ferretdb-process';
export { EmbeddedDbError } from './lib/embedded-db-error';
export { findFreePort } from './lib/free-port';
