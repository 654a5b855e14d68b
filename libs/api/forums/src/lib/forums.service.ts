import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError, UserDirectory, type AuthenticatedUser } from '@helix/api/core';
import { forumChannel, RoomEventLog } from '@helix/api/realtime';
import {
  type CreateForumRequest,
  type Forum,
  type ForumStats,
  type Language,
  type Organizer,
  type PublicOutcome,
  type StakeholderGroup,
  type UpdateForumRequest,
} from '@helix/contract';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { canOrganize } from './forum-access';
import { ForumParts, type ForumScope } from './forum-parts';
import { toForum } from './forum-views';
import { ForumsStore } from './forums-store';
import { newJoinCode } from './join-code';
import { ForumRecord } from './schemas/forum.schema';
import { EMPTY_TEXT, inLanguage, toTranslated } from './translated';

const ORGANIZERS_ONLY = 'Only an admin or an organizer of this forum may do this';

const notLive = (status: string): ConflictException =>
  new ConflictException(`The forum is ${status}; only a live forum closes`);

/** Forums and their lifecycle: draft → live → closed. Changes go through the forum's own channel of the room log. */
@Injectable()
export class ForumsService {
  constructor(
    @InjectModel(ForumRecord.name) private readonly forums: Model<ForumRecord>,
    private readonly store: ForumsStore,
    private readonly log: RoomEventLog,
    private readonly parts: ForumParts,
    private readonly directory: UserDirectory,
  ) {}

  /** Forums the person may see, newest first: drafts only for those who organize them. */
  list(user: AuthenticatedUser, language: Language): Forum[] {
    return this.store
      .forums()
      .filter((forum) => forum.status !== 'draft' || canOrganize(user, forum))
      .map((forum) => toForum(forum, language));
  }

  get(user: AuthenticatedUser, forumId: string, language: Language): Forum {
    return toForum(this.visible(user, forumId), language);
  }

  /** The live forum whose join code this is (what `/join` asks). */
  byJoinCode(code: string, language: Language): Forum {
    const forum = this.store
      .forums()
      .find((candidate) => candidate.joinCode === code && candidate.status === 'live');
    if (!forum) throw new NotFoundException('No forum is live with this code');
    return toForum(forum, language);
  }

  async create(user: AuthenticatedUser, request: CreateForumRequest, language: Language): Promise<Forum> {
    if (this.store.forums().some((forum) => forum.slug === request.slug))
      throw new ConflictException('A forum with this slug exists already');
    const record: ForumRecord = {
      _id: new Types.ObjectId(),
      slug: request.slug,
      title: toTranslated(request.title),
      description: toTranslated(request.description),
      venue: request.venue ? toTranslated(request.venue) : EMPTY_TEXT,
      status: 'draft',
      startsAt: new Date(request.startsAt),
      endsAt: new Date(request.endsAt),
      timeZone: request.timeZone,
      joinCode: this.freeJoinCode(),
      outcomePublished: false,
      organizerIds: [],
      openedAt: null,
      closedAt: null,
      createdAt: new Date(),
      version: 1,
    };
    const forumId = record._id.toHexString();
    return this.log.record(forumChannel(forumId), () => ({
      event: { type: 'forum.updated', subjectId: forumId, actorId: user.id },
      commit: async () => {
        try {
          await this.forums.collection.insertOne(record as never);
        } catch (error) {
          if (isDuplicateKeyError(error))
            throw new ConflictException('A forum with this slug exists already');
          throw error;
        }
        this.store.putForum(record);
      },
      result: () => toForum(this.forumOf(forumId), language),
    }));
  }

  update(
    user: AuthenticatedUser,
    forumId: string,
    request: UpdateForumRequest,
    language: Language,
  ): Promise<Forum> {
    return this.change(user, forumId, language, (current) => {
      if (
        request.slug &&
        request.slug !== current.slug &&
        this.store.forums().some((f) => f.slug === request.slug)
      )
        throw new ConflictException('A forum with this slug exists already');
      const startsAt = request.startsAt ? new Date(request.startsAt) : current.startsAt;
      const endsAt = request.endsAt ? new Date(request.endsAt) : current.endsAt;
      if (startsAt >= endsAt) throw new ConflictException('startsAt must come before endsAt');
      return {
        $set: {
          ...(request.slug ? { slug: request.slug } : {}),
          ...(request.title ? { title: toTranslated(request.title, current.title) } : {}),
          ...(request.description
            ? { description: toTranslated(request.description, current.description) }
            : {}),
          ...(request.venue ? { venue: toTranslated(request.venue, current.venue) } : {}),
          ...(request.timeZone ? { timeZone: request.timeZone } : {}),
          ...(request.outcomePublished !== undefined ? { outcomePublished: request.outcomePublished } : {}),
          startsAt,
          endsAt,
        },
      };
    });
  }

  /** Makes the forum the live one: its rooms are the ones people find, by link, QR code or join code. */
  open(user: AuthenticatedUser, forumId: string, language: Language): Promise<Forum> {
    return this.change(user, forumId, language, (current) => {
      const { status } = current;
      if (status !== 'draft') throw new ConflictException(`The forum is ${status}; only a draft opens`);
      const live = this.store.liveForum();
      const title = live ? inLanguage(live.title, language) : '';
      if (live) throw new ConflictException(`“${title}” is live: close it first`);
      return { $set: { status: 'live', openedAt: new Date() } };
    });
  }

  /**
   * Closes the forum: every open poll and every initiative vote closes as a moderator's close would, then the
   * forum becomes a read-only archive and its outcome is published.
   */
  async close(user: AuthenticatedUser, forumId: string, language: Language): Promise<Forum> {
    const forum = this.organized(user, forumId);
    if (forum.status !== 'live') throw notLive(forum.status);
    const scope = this.scope(forumId, language);
    for (const part of this.parts.all()) await part.close?.(scope, user);
    return this.change(user, forumId, language, (current) => {
      if (current.status !== 'live') throw notLive(current.status);
      return { $set: { status: 'closed', closedAt: new Date(), outcomePublished: true } };
    });
  }

  async organizers(user: AuthenticatedUser, forumId: string): Promise<Organizer[]> {
    const forum = this.organized(user, forumId);
    const people = await Promise.all(forum.organizerIds.map((id) => this.directory.findById(id)));
    return people
      .filter((person) => person !== null)
      .map(({ id, displayName, organization, email }) => ({ id, displayName, organization, email }));
  }

  async addOrganizer(
    user: AuthenticatedUser,
    forumId: string,
    email: string,
    language: Language,
  ): Promise<Forum> {
    const person = await this.directory.findByEmail(email);
    if (!person) throw new NotFoundException('Nobody has an account with this email');
    return this.change(user, forumId, language, (current) =>
      current.organizerIds.includes(person.id) ? null : { $addToSet: { organizerIds: person.id } },
    );
  }

  removeOrganizer(
    user: AuthenticatedUser,
    forumId: string,
    organizerId: string,
    language: Language,
  ): Promise<Forum> {
    return this.change(user, forumId, language, (current) =>
      current.organizerIds.includes(organizerId) ? { $pull: { organizerIds: organizerId } } : null,
    );
  }

  stats(user: AuthenticatedUser, forumId: string, language: Language): ForumStats {
    this.organized(user, forumId);
    const scope = this.scope(forumId, language);
    const people = new Map<string, StakeholderGroup>();
    const stats: ForumStats = {
      forumId,
      people: { total: 0, byGroup: {} },
      rooms: scope.roomIds.size,
      threads: 0,
      messages: 0,
      polls: { total: 0, open: 0, closed: 0, ballots: 0 },
      questions: { total: 0, answered: 0, upvotes: 0 },
      initiatives: { total: 0, voting: 0, adopted: 0, rejected: 0 },
    };
    for (const part of this.parts.all()) {
      const contribution = part.stats?.(scope);
      if (!contribution) continue;
      for (const [userId, group] of contribution.participants)
        if (!people.has(userId)) people.set(userId, group);
      Object.assign(stats, contribution.counts);
    }
    for (const group of people.values()) stats.people.byGroup[group] = (stats.people.byGroup[group] ?? 0) + 1;
    stats.people.total = people.size;
    return stats;
  }

  /** What the forum decided, for anyone: once its organizers publish it, or once it closed. */
  outcome(slug: string, language: Language): PublicOutcome {
    const forum = this.store.forums().find((candidate) => candidate.slug === slug);
    if (!forum || (!forum.outcomePublished && forum.status !== 'closed'))
      throw new NotFoundException('No published outcome for this forum');
    const scope = this.scope(forum._id.toHexString(), language);
    const view = toForum(forum, language);
    const outcome: PublicOutcome = {
      forum: {
        slug: view.slug,
        title: view.title,
        description: view.description,
        venue: view.venue,
        startsAt: view.startsAt,
        endsAt: view.endsAt,
        timeZone: view.timeZone,
        status: view.status,
      },
      initiatives: [],
      polls: [],
      questions: [],
      at: new Date().toISOString(),
    };
    for (const part of this.parts.all()) Object.assign(outcome, part.outcome?.(scope, language) ?? {});
    return outcome;
  }

  /** The forum and its rooms as features see them. */
  scope(forumId: string, language: Language): ForumScope {
    const rooms = this.store.roomsOf(forumId);
    const titles = new Map(rooms.map((room) => [room._id.toHexString(), inLanguage(room.title, language)]));
    return { forumId, roomIds: new Set(titles.keys()), roomTitle: (roomId) => titles.get(roomId) ?? '' };
  }

  /** Changes one forum in its channel's queue: decided against the read model, written with the version it was decided on. */
  private change(
    user: AuthenticatedUser,
    forumId: string,
    language: Language,
    decide: (current: ForumRecord) => UpdateQuery<ForumRecord> | null,
  ): Promise<Forum> {
    this.organized(user, forumId);
    return this.log.record(forumChannel(forumId), () => {
      const current = this.forumOf(forumId);
      const update = decide(current);
      return {
        event: update ? { type: 'forum.updated', subjectId: forumId, actorId: user.id } : null,
        commit: async () => {
          const updated = await this.forums
            .findOneAndUpdate(
              { _id: forumId, version: current.version },
              { ...update, $inc: { version: 1 } },
              { new: true },
            )
            .lean<ForumRecord>()
            .exec();
          if (!updated) {
            const stored = await this.forums.findById(forumId).lean<ForumRecord>().exec();
            if (stored) this.store.putForum(stored);
            throw new ConflictException('The forum was changed meanwhile; look again');
          }
          this.store.putForum(updated);
        },
        result: () => toForum(this.forumOf(forumId), language),
      };
    });
  }

  /** A join code no forum here has. */
  freeJoinCode(): string {
    const taken = new Set(this.store.forums().map((forum) => forum.joinCode));
    let code = newJoinCode();
    while (taken.has(code)) code = newJoinCode();
    return code;
  }

  private forumOf(forumId: string): ForumRecord {
    const forum = this.store.forum(forumId);
    if (!forum) throw new NotFoundException('No such forum');
    return forum;
  }

  private visible(user: AuthenticatedUser, forumId: string): ForumRecord {
    const forum = this.forumOf(forumId);
    if (forum.status === 'draft' && !canOrganize(user, forum)) throw new NotFoundException('No such forum');
    return forum;
  }

  /** The forum, when the person organizes it (403 otherwise, 404 for a draft they cannot see). */
  organized(user: AuthenticatedUser, forumId: string): ForumRecord {
    const forum = this.visible(user, forumId);
    if (!canOrganize(user, forum)) throw new ForbiddenException(ORGANIZERS_ONLY);
    return forum;
  }
}
