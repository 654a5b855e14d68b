import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import { RoomSubjects, type RoomEventPayload, type RoomSubjectSource } from '@helix/api/realtime';
import type { RoomEventType, Translated, TranslatedList } from '@helix/contract';
import type { Model } from 'mongoose';
import { toForum, toRoom, toSession } from './forum-views';
import { AgendaSessionRecord } from './schemas/agenda-session.schema';
import { ForumRecord } from './schemas/forum.schema';
import { RoomRecord } from './schemas/room.schema';

type Versioned = { version: number };

/** A room stored before rooms belonged to forums: one English text, no forum yet (seeding assigns it). */
type LegacyRoom = Omit<
  RoomRecord,
  'title' | 'description' | 'keyQuestions' | 'forumId' | 'archived' | 'version'
> & {
  forumId?: string;
  title: string | Translated;
  description: string | Translated;
  keyQuestions?: string[] | TranslatedList;
  archived?: boolean;
  version?: number;
};

const both = (text: string | Translated): Translated =>
  typeof text === 'string' ? { en: text, ru: text } : text;

export function withRoomDefaults(stored: LegacyRoom): RoomRecord {
  const questions = stored.keyQuestions ?? [];
  return {
    ...stored,
    forumId: stored.forumId ?? '',
    title: both(stored.title),
    description: both(stored.description),
    keyQuestions: Array.isArray(questions) ? { en: questions, ru: questions } : questions,
    archived: stored.archived ?? false,
    version: stored.version ?? 0,
  };
}

/** Puts a stored state into a map unless a newer one is there already. */
function put<T extends Versioned & { _id: { toHexString(): string } }>(map: Map<string, T>, record: T): T {
  const id = record._id.toHexString();
  const existing = map.get(id);
  if (existing && existing.version >= record.version) return existing;
  map.set(id, record);
  return record;
}

/**
 * Forums, their rooms and their agendas, in memory (docs/adr/0001-forum-scale.md); a change reaches every
 * instance through the room log (`room.updated`, `session.updated` in the room, `forum.updated` in the
 * forum's channel), and each reads the document again by `_id`.
 */
@Injectable()
export class ForumsStore extends ReadModel implements RoomSubjectSource {
  private readonly forumRecords = new Map<string, ForumRecord>();
  private readonly roomRecords = new Map<string, RoomRecord>();
  private readonly sessionRecords = new Map<string, AgendaSessionRecord>();

  constructor(
    @InjectModel(ForumRecord.name) private readonly forumModel: Model<ForumRecord>,
    @InjectModel(RoomRecord.name) private readonly roomModel: Model<RoomRecord>,
    @InjectModel(AgendaSessionRecord.name) private readonly sessionModel: Model<AgendaSessionRecord>,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.register(['forum.updated', 'room.updated', 'session.updated'], this);
  }

  forum(id: string): ForumRecord | undefined {
    return this.forumRecords.get(id);
  }

  forums(): ForumRecord[] {
    return [...this.forumRecords.values()].sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  }

  /** The forum people are at: the rooms list, short links and `/join` answer from it. */
  liveForum(): ForumRecord | undefined {
    return this.forums().find((forum) => forum.status === 'live');
  }

  room(id: string): RoomRecord | undefined {
    return this.roomRecords.get(id);
  }

  rooms(): RoomRecord[] {
    return [...this.roomRecords.values()];
  }

  roomsOf(forumId: string): RoomRecord[] {
    return this.rooms()
      .filter((room) => room.forumId === forumId)
      .sort((a, b) => a.order - b.order);
  }

  session(id: string): AgendaSessionRecord | undefined {
    const session = this.sessionRecords.get(id);
    return session?.removed ? undefined : session;
  }

  /** Sessions in start order, of a forum or of a room. */
  sessions(filter: { forumId?: string; roomId?: string }): AgendaSessionRecord[] {
    return [...this.sessionRecords.values()]
      .filter(
        (session) =>
          !session.removed &&
          (!filter.forumId || session.forumId === filter.forumId) &&
          (!filter.roomId || session.roomId === filter.roomId),
      )
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  putForum(record: ForumRecord): ForumRecord {
    return put(this.forumRecords, record);
  }

  putRoom(record: RoomRecord): RoomRecord {
    return put(this.roomRecords, record);
  }

  putSession(record: AgendaSessionRecord): AgendaSessionRecord {
    return put(this.sessionRecords, record);
  }

  async reload(subjectId: string, event: { type: RoomEventType }): Promise<void> {
    if (event.type === 'forum.updated') {
      const record = await this.forumModel.findById(subjectId).lean<ForumRecord>().exec();
      if (record) this.putForum(record);
    } else if (event.type === 'room.updated') {
      const record = await this.roomModel.findById(subjectId).lean<LegacyRoom>().exec();
      if (record) this.putRoom(withRoomDefaults(record));
    } else {
      const record = await this.sessionModel.findById(subjectId).lean<AgendaSessionRecord>().exec();
      if (record) this.putSession(record);
    }
  }

  /** Events carry both languages (`translations`); the English text stands in the plain fields. */
  view(type: RoomEventType, subjectId: string): RoomEventPayload | null {
    if (type === 'forum.updated') {
      const forum = this.forum(subjectId);
      return forum ? toForum(forum, 'en') : null;
    }
    if (type === 'room.updated') {
      const room = this.room(subjectId);
      return room ? toRoom(room, 'en') : null;
    }
    const session = this.sessionRecords.get(subjectId);
    return session ? { ...toSession(session, 'en'), ...(session.removed ? { removed: true } : {}) } : null;
  }

  protected async load(): Promise<void> {
    const [forums, rooms, sessions] = await Promise.all([
      this.forumModel.find().lean<ForumRecord[]>().exec(),
      this.roomModel.find().lean<LegacyRoom[]>().exec(),
      this.sessionModel.find().lean<AgendaSessionRecord[]>().exec(),
    ]);
    forums.forEach((record) => this.putForum(record));
    rooms.forEach((record) => this.putRoom(withRoomDefaults(record)));
    sessions.forEach((record) => this.putSession(record));
  }
}
