import { mongo, type mongo as Mongo } from 'mongoose';
import { HELIX_VERSION, SCHEMA_VERSION } from '../config/versions';

const { EJSON } = mongo.BSON;

/** One document of an archive (a backup, a forum's export): its collection and the document. */
export interface ArchivedDocument {
  collection: string;
  document: Mongo.Document;
}

/**
 * A document as one archive line: canonical Extended JSON, so ObjectIds, dates and binary come back exactly
 * as they were stored.
 */
export const documentLine = (collection: string, document: Mongo.Document): string =>
  `${JSON.stringify({ c: collection, d: EJSON.serialize(document, { relaxed: false }) })}\n`;

/** The document of a line that {@link documentLine} wrote; undefined when the line is not one. */
export function parseDocumentLine(line: string): ArchivedDocument | undefined {
  const parsed = JSON.parse(line) as { c?: unknown; d?: unknown };
  if (typeof parsed.c !== 'string' || typeof parsed.d !== 'object' || parsed.d === null) return undefined;
  return {
    collection: parsed.c,
    document: EJSON.deserialize(parsed.d as Mongo.Document, { relaxed: false }),
  };
}

/** An archive's first line: what wrote it (the code reads only its own schema version) and what it holds. */
export interface ArchiveManifest<Format extends string> {
  format: Format;
  helixVersion: string;
  schemaVersion: number;
  createdAt: string;
  /** Documents per collection. */
  collections: Record<string, number>;
}

/** The manifest of an archive written now, by this Helix. */
export const archiveManifest = <Format extends string>(
  format: Format,
  collections: Record<string, number>,
): ArchiveManifest<Format> => ({
  format,
  helixVersion: HELIX_VERSION,
  schemaVersion: SCHEMA_VERSION,
  createdAt: new Date().toISOString(),
  collections,
});
