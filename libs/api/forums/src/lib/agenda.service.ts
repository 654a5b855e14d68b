import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuthenticatedUser } from '@helix/api/core';
import { RoomEventLog } from '@helix/api/realtime';
import type {
  Agenda,
  AgendaSession,
  CreateSessionRequest,
  Language,
  UpdateSessionRequest,
} from '@helix/contract';
import { Types, type Model } from 'mongoose';
import { canOrganize } from './forum-access';
import { toSession } from './forum-views';
import { ForumsStore } from './forums-store';
import { RoomsService } from './rooms.service';
import { AgendaSessionRecord } from './schemas/agenda-session.schema';
import { EMPTY_TEXT, toTranslated } from './translated';

/** A forum's agenda: sessions in rooms, with their times, speakers, and what they open and close. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectModel(AgendaSessionRecord.name) private readonly sessions: Model<AgendaSessionRecord>,
    private readonly store: ForumsStore,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
  ) {}

  async ofRoom(user: AuthenticatedUser, roomId: string, language: Language): Promise<AgendaSession[]> {
    await this.visibleRoom(user, roomId);
    return this.store.sessions({ roomId }).map((session) => toSession(session, language));
  }

  agenda(user: AuthenticatedUser, forumId: string, language: Language, now = new Date()): Agenda {
    const forum = this.store.forum(forumId);
    if (!forum || (forum.status === 'draft' && !canOrganize(user, forum)))
      throw new NotFoundException('No such forum');
    const sessions = this.store.sessions({ forumId });
    const running = sessions.filter((session) => session.startsAt <= now && now < session.endsAt);
    const next = sessions.find((session) => session.startsAt > now);
    return {
      forumId,
      timeZone: forum.timeZone,
      sessions: sessions.map((session) => toSession(session, language)),
      now: running.map((session) => session._id.toHexString()),
      next: next?._id.toHexString() ?? null,
      at: now.toISOString(),
    };
  }

  async create(
    user: AuthenticatedUser,
    roomId: string,
    request: CreateSessionRequest,
    language: Language,
  ): Promise<AgendaSession> {
    const room = await this.organizedRoom(user, roomId);
    const record: AgendaSessionRecord = {
      _id: new Types.ObjectId(),
      forumId: room.forumId,
      roomId,
      title: toTranslated(request.title),
      description: request.description ? toTranslated(request.description) : EMPTY_TEXT,
      speakers: request.speakers ?? [],
      startsAt: new Date(request.startsAt),
      endsAt: new Date(request.endsAt),
      opensQa: request.opensQa ?? false,
      pollId: request.pollId ?? null,
      startedAt: null,
      endedAt: null,
      removed: false,
      version: 1,
    };
    const sessionId = record._id.toHexString();
    return this.log.record(roomId, () => ({
      event: { type: 'session.updated', subjectId: sessionId, actorId: user.id },
      commit: async () => {
        await this.sessions.collection.insertOne(record as never);
        this.store.putSession(record);
      },
      result: () => this.view(sessionId, language),
    }));
  }

  async update(
    user: AuthenticatedUser,
    sessionId: string,
    request: UpdateSessionRequest,
    language: Language,
  ): Promise<AgendaSession> {
    const session = this.sessionOf(sessionId);
    await this.organizedRoom(user, session.roomId);
    return this.change(user, session, language, (current) => {
      if (current.endedAt) throw new ConflictException('This session is over; it can no longer change');
      const startsAt = request.startsAt ? new Date(request.startsAt) : current.startsAt;
      const endsAt = request.endsAt ? new Date(request.endsAt) : current.endsAt;
      if (startsAt >= endsAt) throw new BadRequestException('startsAt must come before endsAt');
      if (current.startedAt && request.startsAt && startsAt.getTime() !== current.startsAt.getTime())
        throw new ConflictException('This session has started; its start can no longer move');
      return {
        ...(request.title ? { title: toTranslated(request.title, current.title) } : {}),
        ...(request.description
          ? { description: toTranslated(request.description, current.description) }
          : {}),
        ...(request.speakers ? { speakers: request.speakers } : {}),
        ...(request.opensQa !== undefined ? { opensQa: request.opensQa } : {}),
        ...(request.pollId !== undefined ? { pollId: request.pollId } : {}),
        startsAt,
        endsAt,
      };
    });
  }

  async remove(user: AuthenticatedUser, sessionId: string, language: Language): Promise<void> {
    const session = this.sessionOf(sessionId);
    await this.organizedRoom(user, session.roomId);
    await this.change(user, session, language, (current) => {
      if (current.startedAt && !current.endedAt)
        throw new ConflictException('This session is running; end it before removing it');
      return { removed: true };
    });
  }

  /** Records that the clock started or ended a session (its document was claimed by this instance). */
  async stamp(session: AgendaSessionRecord, set: Partial<AgendaSessionRecord>): Promise<void> {
    await this.log.record(session.roomId, () => ({
      event: { type: 'session.updated', subjectId: session._id.toHexString(), actorId: 'agenda' },
      commit: () => this.write(session._id.toHexString(), set),
      result: () => undefined,
    }));
  }

  private change(
    user: AuthenticatedUser,
    session: AgendaSessionRecord,
    language: Language,
    decide: (current: AgendaSessionRecord) => Partial<AgendaSessionRecord>,
  ): Promise<AgendaSession> {
    const sessionId = session._id.toHexString();
    return this.log.record(session.roomId, () => {
      const set = decide(this.store.session(sessionId) ?? session);
      return {
        event: { type: 'session.updated', subjectId: sessionId, actorId: user.id },
        commit: () => this.write(sessionId, set),
        result: () => toSession(this.store.putSession(this.storedOrGone(sessionId, session)), language),
      };
    });
  }

  private async write(sessionId: string, set: Partial<AgendaSessionRecord>): Promise<void> {
    const updated = await this.sessions
      .findOneAndUpdate({ _id: sessionId }, { $set: set, $inc: { version: 1 } }, { new: true })
      .lean<AgendaSessionRecord>()
      .exec();
    if (!updated) throw new NotFoundException('No such session');
    this.store.putSession(updated);
  }

  /** The session as stored now, removed ones included (a removal answers the removed session). */
  private storedOrGone(sessionId: string, fallback: AgendaSessionRecord): AgendaSessionRecord {
    return this.store.session(sessionId) ?? fallback;
  }

  private view(sessionId: string, language: Language): AgendaSession {
    return toSession(this.sessionOf(sessionId), language);
  }

  private sessionOf(sessionId: string): AgendaSessionRecord {
    const session = this.store.session(sessionId);
    if (!session) throw new NotFoundException('No such session');
    return session;
  }

  private async visibleRoom(user: AuthenticatedUser, roomId: string) {
    const room = await this.rooms.get(roomId);
    const forum = this.store.forum(room.forumId);
    if (forum?.status === 'draft' && !canOrganize(user, forum)) throw new NotFoundException('No such room');
    return room;
  }

  private async organizedRoom(user: AuthenticatedUser, roomId: string) {
    const room = await this.visibleRoom(user, roomId);
    const forum = this.store.forum(room.forumId);
    if (!forum || !canOrganize(user, forum))
      throw new ForbiddenException('Only an admin or an organizer of this forum may do this');
    return room;
  }
}
