import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError, type AuthenticatedUser } from '@helix/api/core';
import { channelForum, RoomEventLog, RoomWrites } from '@helix/api/realtime';
import type { CreateRoomRequest, Language, Room, RoomEventType, UpdateRoomRequest } from '@helix/contract';
import { Types, type Model } from 'mongoose';
import { canOrganize } from './forum-access';
import { toRoom } from './forum-views';
import { ForumsStore } from './forums-store';
import type { ForumRecord } from './schemas/forum.schema';
import { RoomRecord } from './schemas/room.schema';
import { slugify } from './seed/forum-seed.parser';
import { EMPTY_TEXT, toTranslated, toTranslatedList } from './translated';

/** The rooms of every forum: read from memory, changed by the forum's organizers through the room's log. */
@Injectable()
export class RoomsService implements OnModuleInit {
  constructor(
    @InjectModel(RoomRecord.name) private readonly rooms: Model<RoomRecord>,
    private readonly store: ForumsStore,
    private readonly log: RoomEventLog,
    private readonly writes: RoomWrites,
  ) {}

  /** A closed forum is a read-only archive, and an archived room takes nothing but its own un-archiving. */
  onModuleInit(): void {
    this.writes.register((channel, type) => {
      const forumId = channelForum(channel);
      const room = forumId ? undefined : this.store.room(channel);
      const forum = this.store.forum(forumId ?? room?.forumId ?? '');
      if (forum?.status === 'closed')
        throw new ConflictException('This forum is closed: it can be read, not changed');
      if (room?.archived && type !== 'room.updated')
        throw new ConflictException('This room is archived: it can be read, not changed');
    });
  }

  /** A room any feature may build on; 404 when there is none. */
  async get(roomId: string): Promise<RoomRecord> {
    const room = this.store.room(roomId);
    if (!room) throw new NotFoundException('No such room');
    return room;
  }

  /** The room's forum. */
  forumOf(roomId: string): ForumRecord | undefined {
    const room = this.store.room(roomId);
    return room ? this.store.forum(room.forumId) : undefined;
  }

  /** Refuses a change of a room that takes none (writes outside the room's log ask this). */
  requireWritable(roomId: string): void {
    this.writes.require(roomId, 'message.created');
  }

  /** The live forum's rooms, or another forum's; drafts only for their organizers, archived rooms on request. */
  list(user: AuthenticatedUser, query: { forumId?: string; archived?: boolean }, language: Language): Room[] {
    const forum = query.forumId ? this.store.forum(query.forumId) : this.store.liveForum();
    if (!forum || (forum.status === 'draft' && !canOrganize(user, forum))) {
      if (query.forumId) throw new NotFoundException('No such forum');
      return [];
    }
    const archived = query.archived ?? false;
    if (archived && !canOrganize(user, forum))
      throw new ForbiddenException('Only an admin or an organizer of this forum may do this');
    return this.store
      .roomsOf(forum._id.toHexString())
      .filter((room) => archived || !room.archived)
      .map((room) => toRoom(room, language));
  }

  view(roomId: string, language: Language): Room {
    const room = this.store.room(roomId);
    if (!room) throw new NotFoundException('No such room');
    return toRoom(room, language);
  }

  async create(
    user: AuthenticatedUser,
    forumId: string,
    request: CreateRoomRequest,
    language: Language,
  ): Promise<Room> {
    const forum = this.organized(user, forumId);
    const title = toTranslated(request.title);
    const slug = request.slug ?? slugify(title.en || title.ru);
    if (!slug) throw new BadRequestException('Give the room a slug: its title makes none');
    const siblings = this.store.roomsOf(forumId);
    if (siblings.some((room) => room.slug === slug))
      throw new ConflictException('This forum already has a room with that short name');
    const record: RoomRecord = {
      _id: new Types.ObjectId(),
      forumId: forum._id.toHexString(),
      slug,
      kind: request.kind,
      title,
      description: request.description ? toTranslated(request.description) : EMPTY_TEXT,
      keyQuestions: request.keyQuestions ? toTranslatedList(request.keyQuestions) : { en: [], ru: [] },
      order: Math.max(-1, ...siblings.map((room) => room.order)) + 1,
      archived: false,
      version: 1,
    };
    const roomId = record._id.toHexString();
    return this.log.record(roomId, () => ({
      event: { type: 'room.updated', subjectId: roomId, actorId: user.id },
      commit: async () => {
        try {
          await this.rooms.collection.insertOne(record as never);
        } catch (error) {
          if (isDuplicateKeyError(error))
            throw new ConflictException('This forum already has a room with that short name');
          throw error;
        }
        this.store.putRoom(record);
      },
      result: () => this.view(roomId, language),
    }));
  }

  async update(
    user: AuthenticatedUser,
    roomId: string,
    request: UpdateRoomRequest,
    language: Language,
  ): Promise<Room> {
    const room = await this.get(roomId);
    this.organized(user, room.forumId);
    return this.log.record(roomId, () => {
      const current = this.store.room(roomId) ?? room;
      const set: Partial<RoomRecord> = {
        ...(request.kind ? { kind: request.kind } : {}),
        ...(request.title ? { title: toTranslated(request.title, current.title) } : {}),
        ...(request.description
          ? { description: toTranslated(request.description, current.description) }
          : {}),
        ...(request.keyQuestions
          ? { keyQuestions: toTranslatedList(request.keyQuestions, current.keyQuestions) }
          : {}),
        ...(request.archived !== undefined ? { archived: request.archived } : {}),
      };
      return this.roomChange(user, roomId, set, language, 'room.updated');
    });
  }

  /** Puts the forum's rooms in the given order; rooms left out keep their places after those given. */
  async reorder(
    user: AuthenticatedUser,
    forumId: string,
    roomIds: string[],
    language: Language,
  ): Promise<Room[]> {
    this.organized(user, forumId);
    const siblings = this.store.roomsOf(forumId);
    const known = new Set(siblings.map((room) => room._id.toHexString()));
    const strangers = roomIds.filter((id) => !known.has(id));
    const rooms = strangers.join(', ');
    if (strangers.length) throw new BadRequestException(`Not a room of this forum: ${rooms}`);
    const order = [
      ...new Set(roomIds),
      ...siblings.map((room) => room._id.toHexString()).filter((id) => !roomIds.includes(id)),
    ];
    for (const [index, roomId] of order.entries()) {
      if (this.store.room(roomId)?.order === index) continue;
      await this.log.record(roomId, () =>
        this.roomChange(user, roomId, { order: index }, language, 'room.updated'),
      );
    }
    return this.list(user, { forumId, archived: true }, language);
  }

  private roomChange(
    user: AuthenticatedUser,
    roomId: string,
    set: Partial<RoomRecord>,
    language: Language,
    type: RoomEventType,
  ) {
    return {
      event: Object.keys(set).length ? { type, subjectId: roomId, actorId: user.id } : null,
      commit: async () => {
        const updated = await this.rooms
          .findOneAndUpdate({ _id: roomId }, { $set: set, $inc: { version: 1 } }, { new: true })
          .lean<RoomRecord>()
          .exec();
        if (!updated) throw new NotFoundException('No such room');
        this.store.putRoom(updated);
      },
      result: () => this.view(roomId, language),
    };
  }

  private organized(user: AuthenticatedUser, forumId: string): ForumRecord {
    const forum = this.store.forum(forumId);
    if (!forum) throw new NotFoundException('No such forum');
    if (!canOrganize(user, forum))
      throw new ForbiddenException('Only an admin or an organizer of this forum may do this');
    return forum;
  }
}
