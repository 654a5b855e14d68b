// The workspace's own package.json holds Helix's version; it belongs to no project, hence the exception.
// eslint-disable-next-line @nx/enforce-module-boundaries
import helixPackage from '../../../../../../package.json';

/** The version of Helix, as package.json gives it (backups and the startup log carry it). */
export const HELIX_VERSION: string = helixPackage.version;

/**
 * The version of what is stored: raised whenever a change needs old documents rewritten, so a backup
 * taken before is not restored into code that reads them differently.
 */
export const SCHEMA_VERSION = 1;
