import {
  archiveManifest,
  documentLine,
  HELIX_VERSION,
  parseDocumentLine,
  SCHEMA_VERSION,
  type ArchiveManifest,
} from '@helix/api/core';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { mongo as Mongo } from 'mongoose';

const FORMAT = 'helix-backup';
/** Documents inserted per round trip on restore. */
const BATCH = 500;

/** The archive's first line: what wrote it and what it holds. */
export type BackupManifest = ArchiveManifest<typeof FORMAT>;

/** A refusal the operator can act on (the CLI prints it and exits 1). */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';
}

/**
 * Every document of every collection, one Extended JSON line each (so ObjectIds, dates and binary survive
 * exactly), gzipped, after a manifest line. Written aside and renamed into place, so a backup cut short never
 * looks complete; readable by its owner only, as it holds password hashes.
 */
export async function writeBackup(db: Mongo.Db, file: string): Promise<BackupManifest> {
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.'))
    .sort();
  const collections: Record<string, number> = {};
  for (const name of names) collections[name] = await db.collection(name).countDocuments();
  const manifest: BackupManifest = archiveManifest(FORMAT, collections);
  async function* lines(): AsyncGenerator<string> {
    yield `${JSON.stringify(manifest)}\n`;
    for (const name of names) {
      for await (const document of db.collection(name).find({}, { sort: { _id: 1 } })) {
        yield documentLine(name, document);
      }
    }
  }
  const draft = `${file}.partial`;
  try {
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(draft, { mode: 0o600 }));
    await rename(draft, file);
  } catch (error) {
    await rm(draft, { force: true });
    throw error;
  }
  return manifest;
}

async function* archiveLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  yield* createInterface({ input, crlfDelay: Infinity });
}

export async function readManifest(file: string): Promise<BackupManifest> {
  for await (const line of archiveLines(file)) return parseManifest(line);
  throw new BackupRefused(`${file} is empty`);
}

function parseManifest(line: string): BackupManifest {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(line) as Partial<BackupManifest>;
  } catch {
    throw new BackupRefused('This is not a Helix backup (no manifest)');
  }
  if (manifest.format !== FORMAT) throw new BackupRefused('This is not a Helix backup (no manifest)');
  return manifest as BackupManifest;
}

/**
 * Puts an archive's documents back. Refused when it was written for another schema version (the code would
 * misread them), or when the database holds documents already, unless `force`, which drops what is there.
 */
export async function restoreBackup(
  db: Mongo.Db,
  file: string,
  options: { force: boolean },
): Promise<BackupManifest> {
  const manifest = await readManifest(file);
  if (manifest.schemaVersion !== SCHEMA_VERSION) {
    throw new BackupRefused(
      `The backup has schema version ${manifest.schemaVersion} (Helix ${manifest.helixVersion}); this Helix ` +
        `(${HELIX_VERSION}) reads schema version ${SCHEMA_VERSION}: restore it with the Helix version that wrote it`,
    );
  }
  const existing = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((collection) => collection.name)
    .filter((name) => !name.startsWith('system.'));
  let held = 0;
  for (const name of existing) held += await db.collection(name).estimatedDocumentCount();
  if (held > 0 && !options.force) {
    throw new BackupRefused(
      `The database already holds ${held} documents: restore into an empty one, or add --force to replace them`,
    );
  }
  for (const name of existing) await db.collection(name).drop();

  let batch: { name: string; documents: Mongo.Document[] } | undefined;
  const flush = async (): Promise<void> => {
    if (batch?.documents.length)
      await db.collection(batch.name).insertMany(batch.documents, { ordered: true });
    batch = undefined;
  };
  let first = true;
  for await (const line of archiveLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    if (!line) continue;
    const archived = parseDocumentLine(line);
    if (!archived) continue;
    const { collection: name, document } = archived;
    if (batch && (batch.name !== name || batch.documents.length >= BATCH)) await flush();
    batch ??= { name, documents: [] };
    batch.documents.push(document);
  }
  await flush();
  // Empty collections come back too, so the restored database lists what the backed-up one did.
  const restored = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of Object.keys(manifest.collections))
    if (!restored.has(name)) await db.createCollection(name);
  return manifest;
}
