/** A failure to provide the embedded database, worded for the person starting Helix. */
export class EmbeddedDbError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} Set MONGODB_URI to use a MongoDB server instead of the embedded database.`, options);
    this.name = 'EmbeddedDbError';
  }
}
