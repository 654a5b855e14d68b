import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  PayloadTooLargeException,
} from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import {
  archiveManifest,
  documentLine,
  HELIX_VERSION,
  isDuplicateKeyError,
  parseDocumentLine,
  SCHEMA_VERSION,
  type ArchivedDocument,
  type ArchiveManifest,
  type AuthenticatedUser,
} from '@helix/api/core';
import { forumChannel, RoomBroadcaster, RoomEventLog } from '@helix/api/realtime';
import type { Forum, Language } from '@helix/contract';
import { mongo, type Connection, type mongo as Mongo } from 'mongoose';
import { createInterface } from 'node:readline';
import { PassThrough, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { ForumParts, type ForumDocumentIds, type ForumScope } from './forum-parts';
import { toForum } from './forum-views';
import { ForumsService } from './forums.service';
import { ForumsStore, withRoomDefaults } from './forums-store';
import type { AgendaSessionRecord } from './schemas/agenda-session.schema';
import type { ForumRecord } from './schemas/forum.schema';
import type { RoomRecord } from './schemas/room.schema';

const FORMAT = 'helix-forum';
/** What an instance that imported a forum tells the others: the forum and its documents' `_id`s (EJSON). */
const IMPORTED = 'helix:forum-imported';
interface ImportedMessage {
  forumId: string;
  ids: string;
}
const { EJSON } = mongo.BSON;
/** `_id`s per read, and documents per insert. */
const BATCH = 500;
/** The largest archive an import reads (gzipped bytes). */
const IMPORT_LIMIT_BYTES = 256 * 1024 * 1024;
/** The forums feature's own collections; the other features name theirs through their forum part. */
const OWN_COLLECTIONS = ['forums', 'rooms', 'agenda_sessions'];
const LOG_COLLECTIONS = ['room_events', 'room_log_channels', 'room_log_chunks'];

/** The archive's first line, as a backup's (libs/api/observability backup), plus which forum it holds. */
export interface ForumArchiveManifest extends ArchiveManifest<typeof FORMAT> {
  forumId: string;
  slug: string;
  /** The CSV reports after the documents, by file name. */
  reports: string[];
}

/** A CSV report line of the archive: file name and text. */
interface ReportLine {
  f: string;
  t: string;
}

const gzipped = promisify(gzip);

/** Documents by `_id`s of any type (ObjectIds, or strings such as ballot buckets' and log events'). */
const byIds = (ids: unknown[]): Mongo.Filter<Mongo.Document> => ({ _id: { $in: ids as never[] } });

function merge(into: Map<string, unknown[]>, documents: ForumDocumentIds): void {
  for (const [collection, ids] of Object.entries(documents))
    into.set(collection, [...(into.get(collection) ?? []), ...ids]);
}

/**
 * One forum as one archive, and back: the documents of every collection that belong to it, found through
 * the read models and read by `_id` (never a scan), in the backup's line format (Extended JSON, gzipped
 * ndjson after a manifest), then its CSV reports. Importing inserts all of it or nothing.
 */
@Injectable()
export class ForumArchive {
  private readonly logger = new Logger(ForumArchive.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly store: ForumsStore,
    private readonly forums: ForumsService,
    private readonly parts: ForumParts,
    private readonly log: RoomEventLog,
    private readonly broadcaster: RoomBroadcaster,
  ) {
    // Another instance imported a forum: its read models read it too, by the `_id`s it sends.
    broadcaster.onAttach((server) =>
      server.on(IMPORTED, (message: ImportedMessage) => {
        const ids = EJSON.parse(message.ids, { relaxed: false }) as ForumDocumentIds;
        this.readImported(message.forumId, ids).catch((error: unknown) =>
          this.logger.warn(`reading the imported forum ${message.forumId}: ${String(error)}`),
        );
      }),
    );
  }

  async export(
    user: AuthenticatedUser,
    forumId: string,
    language: Language,
  ): Promise<{ fileName: string; archive: Buffer }> {
    const forum = this.forums.organized(user, forumId);
    const scope = this.forums.scope(forumId, language);
    const lines: string[] = [];
    const collections: Record<string, number> = {};
    for (const [collection, ids] of this.documentIds(forum, scope)) {
      const documents = await this.read(collection, ids);
      collections[collection] = documents.length;
      for (const document of documents) lines.push(documentLine(collection, document));
    }
    const reports: Record<string, string> = {};
    for (const part of this.parts.all()) Object.assign(reports, part.reports?.(scope, language));
    const manifest: ForumArchiveManifest = {
      ...archiveManifest(FORMAT, collections),
      forumId,
      slug: forum.slug,
      reports: Object.keys(reports),
    };
    const reportLines = Object.entries(reports).map(
      ([f, t]) => `${JSON.stringify({ f, t } satisfies ReportLine)}\n`,
    );
    const text = [`${JSON.stringify(manifest)}\n`, ...lines, ...reportLines].join('');
    const day = manifest.createdAt.slice(0, 10);
    return { fileName: `helix-forum-${forum.slug}-${day}.ndjson.gz`, archive: await gzipped(text) };
  }

  /**
   * Puts an exported forum into this instance: refused when its id or slug is here already, or when it was
   * written for another schema version. It arrives closed (an archive) unless it was a draft; this
   * instance's read models read it by `_id`, other instances when they restart.
   */
  async import(body: Readable, language: Language): Promise<Forum> {
    const { manifest, documents } = await this.readArchive(body);
    const forum = documents.get('forums')?.[0] as ForumRecord | undefined;
    if (documents.get('forums')?.length !== 1 || forum?._id.toHexString() !== manifest.forumId)
      throw new BadRequestException('The archive does not hold its forum');
    if (this.store.forum(manifest.forumId) || this.store.forums().some((f) => f.slug === forum.slug))
      throw new ConflictException('A forum with this id or slug exists already');
    const allowed = this.collections();
    const unknown = [...documents.keys()].filter((collection) => !allowed.has(collection));
    if (unknown.length)
      throw new BadRequestException(`The archive holds unknown collections: ${unknown.join(', ')}`);
    // A live forum arrives as its close would leave it (an archive, its outcome published); a closed one as it is.
    if (forum.status === 'live')
      Object.assign(forum, { status: 'closed', closedAt: new Date(), outcomePublished: true });
    // Join codes are unique per instance; the code another instance gave it may be taken here.
    if (this.store.forums().some((other) => other.joinCode === forum.joinCode))
      forum.joinCode = this.forums.freeJoinCode();

    await this.insertAll(documents);

    const ids: ForumDocumentIds = Object.fromEntries(
      [...documents].map(([collection, list]) => [collection, list.map((document) => document['_id'])]),
    );
    await this.readImported(manifest.forumId, ids);
    this.broadcaster.toOtherInstances(IMPORTED, {
      forumId: manifest.forumId,
      ids: EJSON.stringify(ids, { relaxed: false }),
    } satisfies ImportedMessage);
    return toForum(this.store.forum(manifest.forumId) ?? forum, language);
  }

  /**
   * Reads an imported forum into this instance's read models, each document by `_id`; the forum itself
   * last, so whoever finds the forum finds all of it.
   */
  private async readImported(forumId: string, ids: ForumDocumentIds): Promise<void> {
    for (const room of await this.read('rooms', ids['rooms'] ?? []))
      this.store.putRoom(withRoomDefaults(room as RoomRecord));
    for (const session of await this.read('agenda_sessions', ids['agenda_sessions'] ?? []))
      this.store.putSession(session as AgendaSessionRecord);
    for (const part of this.parts.all()) await part.imported?.(ids);
    for (const channel of [forumChannel(forumId), ...(ids['rooms'] ?? []).map(String)])
      await this.log.adopt(channel);
    for (const forum of await this.read('forums', ids['forums'] ?? []))
      this.store.putForum(forum as ForumRecord);
  }

  /** Collection → `_id`s of everything of the forum: its own documents, its rooms' logs, each feature's. */
  private documentIds(forum: ForumRecord, scope: ForumScope): Map<string, unknown[]> {
    const forumId = forum._id.toHexString();
    const ids = new Map<string, unknown[]>();
    merge(ids, {
      forums: [forum._id],
      rooms: this.store.roomsOf(forumId).map((room) => room._id),
      agenda_sessions: this.store.sessions({ forumId }).map((session) => session._id),
    });
    for (const channel of [forumChannel(forumId), ...scope.roomIds])
      merge(ids, this.log.documentIds(channel));
    for (const part of this.parts.all()) if (part.documents) merge(ids, part.documents(scope));
    return ids;
  }

  /** The collections an archive may fill: the ones an export writes, and no other (no accounts, no sessions). */
  private collections(): Set<string> {
    const none: ForumScope = { forumId: '', roomIds: new Set(), roomTitle: () => '' };
    const names = new Set([...OWN_COLLECTIONS, ...LOG_COLLECTIONS]);
    for (const part of this.parts.all())
      for (const name of Object.keys(part.documents?.(none) ?? {})) names.add(name);
    return names;
  }

  private async read(collection: string, ids: unknown[]): Promise<Mongo.Document[]> {
    const documents: Mongo.Document[] = [];
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH);
      documents.push(...(await this.connection.collection(collection).find(byIds(batch)).toArray()));
    }
    return documents;
  }

  private async readArchive(
    body: Readable,
  ): Promise<{ manifest: ForumArchiveManifest; documents: Map<string, Mongo.Document[]> }> {
    let received = 0;
    const counted = new PassThrough();
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > IMPORT_LIMIT_BYTES)
        body.destroy(new PayloadTooLargeException('The archive is too large'));
    });
    body.on('error', (error) => counted.destroy(error));
    const gunzip = body.pipe(counted).pipe(createGunzip());
    let manifest: ForumArchiveManifest | undefined;
    const documents = new Map<string, Mongo.Document[]>();
    try {
      for await (const line of createInterface({ input: gunzip, crlfDelay: Infinity })) {
        if (!line) continue;
        if (!manifest) {
          manifest = parseManifest(line);
          continue;
        }
        const archived = parseLine(line);
        if (!archived) continue;
        documents.set(archived.collection, [
          ...(documents.get(archived.collection) ?? []),
          archived.document,
        ]);
      }
    } catch (error) {
      if (error instanceof BadRequestException || error instanceof PayloadTooLargeException) throw error;
      throw new BadRequestException('This is not a Helix forum archive (not gzipped ndjson)', {
        cause: error,
      });
    }
    if (!manifest) throw new BadRequestException('This is not a Helix forum archive (no manifest)');
    return { manifest, documents };
  }

  /** Inserts every document, or, when one insert fails, deletes what was inserted and refuses. */
  private async insertAll(documents: Map<string, Mongo.Document[]>): Promise<void> {
    const inserted: { collection: string; ids: unknown[] }[] = [];
    try {
      for (const [collection, list] of documents) {
        for (let start = 0; start < list.length; start += BATCH) {
          const batch = list.slice(start, start + BATCH);
          const ids = batch.map((document) => document['_id']);
          // Recorded before the insert: an insert that fails halfway has stored some of them.
          inserted.push({ collection, ids });
          await this.connection.collection(collection).insertMany(batch, { ordered: true });
        }
      }
    } catch (error) {
      for (const { collection, ids } of inserted.reverse())
        await this.connection.collection(collection).deleteMany(byIds(ids));
      if (isDuplicateKeyError(error))
        throw new ConflictException('Some of the forum’s documents exist here already', { cause: error });
      throw error;
    }
  }
}

function parseManifest(line: string): ForumArchiveManifest {
  let manifest: Partial<ForumArchiveManifest>;
  try {
    manifest = JSON.parse(line) as Partial<ForumArchiveManifest>;
  } catch {
    throw new BadRequestException('This is not a Helix forum archive (no manifest)');
  }
  if (manifest.format !== FORMAT || typeof manifest.forumId !== 'string')
    throw new BadRequestException('This is not a Helix forum archive (no manifest)');
  if (manifest.schemaVersion !== SCHEMA_VERSION)
    throw new BadRequestException(
      `The archive has schema version ${manifest.schemaVersion} (Helix ${manifest.helixVersion}); this Helix ` +
        `(${HELIX_VERSION}) reads schema version ${SCHEMA_VERSION}`,
    );
  return manifest as ForumArchiveManifest;
}

/** A document line; a report line (a CSV for people) is skipped, the documents hold its data. */
function parseLine(line: string): ArchivedDocument | undefined {
  try {
    return parseDocumentLine(line);
  } catch (error) {
    throw new BadRequestException('The archive holds a line that is not JSON', { cause: error });
  }
}
