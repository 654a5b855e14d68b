export { ensureFerretDbBinary } from './lib/ferretdb-binary';
export { FERRETDB_BUILD, FERRETDB_VERSION, ferretDbBinaryPath } from './lib/ferretdb-build';
export { startFerretDb, type EmbeddedDatabase, type StartFerretDbOptions } from './lib/ferretdb-process';
export { EmbeddedDbError } from './lib/embedded-db-error';
export { findFreePort } from './lib/free-port';
