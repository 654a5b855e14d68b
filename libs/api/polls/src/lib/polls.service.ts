import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  deterministicId,
  isDuplicateKeyError,
  mayModerateRoom,
  requireRoomModeration,
  type AuthenticatedUser,
} from '@helix/api/core';
import { CoalescedRoomUpdates, RoomEventLog, type RoomEventDraft } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/forums';
import { ModerationLogService } from '@helix/api/moderation';
import {
  pollShapeProblem,
  type BallotRequest,
  type CreatePollRequest,
  type ModerationAction,
  type OpenPollRequest,
  type Poll,
  type PollStatus,
  type UpdatePollRequest,
} from '@helix/contract';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { normaliseAnswer } from './format-tally';
import { ballotOf } from './poll-ballot';
import { PollResultPosts, resultThreadIdOf } from './poll-result-posts';
import type { PollTally } from './poll-tally';
import { countBallots, PollsStore } from './polls-store';
import { PollRecord, type BallotRecord, type PollWithBallots } from './schemas/poll.schema';
import { PollCloseClaims } from './poll-close-claims';

const toOptions = (labels: string[]): PollRecord['options'] =>
  labels.map((label) => ({ id: new Types.ObjectId().toHexString(), label }));

/** Who closes a poll whose countdown ran out, in its room event. */
const SYSTEM_ACTOR = 'system';

/**
 * Who vouches for a person opening or closing a poll: the poll's room (they must moderate it), or its forum
 * (an organizer closing the forum or running its agenda, which the forum's routes checked).
 */
export type Authority = 'room' | 'forum';

export interface CreatePollResult {
  poll: Poll;
  /** False when the moderator had already sent this clientId: the stored poll, nothing new. */
  created: boolean;
}

@Injectable()
export class PollsService {
  constructor(
    @InjectModel(PollRecord.name) private readonly polls: Model<PollRecord>,
    private readonly store: PollsStore,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
    private readonly updates: CoalescedRoomUpdates,
    private readonly moderationLog: ModerationLogService,
    private readonly results: PollResultPosts,
    private readonly closes: PollCloseClaims,
  ) {}

  /** With a clientId, a second request (a double click, a retry) answers the poll the first one made. */
  async create(
    user: AuthenticatedUser,
    roomId: string,
    request: CreatePollRequest,
  ): Promise<CreatePollResult> {
    await this.rooms.get(roomId);
    requireRoomModeration(user, roomId);
    const id = request.clientId ? deterministicId('poll', user.id, request.clientId) : new Types.ObjectId();
    const pollId = id.toHexString();
    if (request.clientId) await this.store.find(pollId);
    let created = false;
    const record: PollRecord = {
      _id: id,
      roomId,
      question: request.question,
      kind: request.kind ?? 'choice',
      options: toOptions(request.options ?? []),
      scale: request.kind === 'rating' ? (request.scale ?? 5) : null,
      hiddenWords: [],
      multiple: request.multiple ?? false,
      anonymous: request.anonymous ?? false,
      resultsVisibility: request.resultsVisibility ?? 'always',
      status: 'draft',
      createdBy: user.id,
      createdAt: new Date(),
      openedAt: null,
      closesAt: null,
      closedAt: null,
      resultThreadId: null,
      finalTally: null,
      version: 1,
    };
    const poll = await this.log.record(roomId, () => {
      if (this.store.get(pollId)) return { event: null, result: () => this.viewFor(pollId, user) };
      return {
        event: { type: 'poll.draft', subjectId: pollId, actorId: user.id },
        commit: async () => {
          try {
            await this.polls.collection.insertOne(record as never);
          } catch (error) {
            // The same clientId reached another instance at the same moment: that one stored it.
            if (!isDuplicateKeyError(error)) throw error;
            await this.store.find(pollId);
            return;
          }
          this.store.put(record);
          created = true;
        },
        result: () => this.viewFor(pollId, user),
      };
    });
    return { poll, created };
  }

  update(user: AuthenticatedUser, pollId: string, request: UpdatePollRequest): Promise<Poll> {
    const { options, ...rest } = request;
    return this.transition(user, pollId, {
      from: 'draft',
      type: 'poll.draft',
      refusal: () => new ConflictException('Only a draft poll can be edited'),
      change: async (poll) => {
        const problem = pollShapeProblem(
          poll.kind ?? 'choice',
          (options ?? poll.options).length,
          rest.multiple ?? poll.multiple,
          poll.scale ?? undefined,
        );
        if (problem) throw new BadRequestException(problem);
        return { $set: { ...rest, ...(options ? { options: toOptions(options) } : {}) } };
      },
    });
  }

  /**
   * The ballot buckets exist, open, before the poll says it is open. With a countdown the poll stores when
   * it closes; PollCloser closes it then.
   */
  open(
    user: AuthenticatedUser,
    pollId: string,
    request: OpenPollRequest = {},
    authority: Authority = 'room',
  ): Promise<Poll> {
    return this.transition(user, pollId, {
      authority,
      from: 'draft',
      type: 'poll.created',
      logged: 'poll.opened',
      refusal: (status) => new ConflictException(`The poll is ${status}; it cannot become open`),
      change: async () => {
        await this.store.ballots.open(pollId);
        const openedAt = new Date();
        const closesAt = request.closesInSeconds
          ? new Date(openedAt.getTime() + request.closesInSeconds * 1000)
          : null;
        return { $set: { status: 'open', openedAt, closesAt } };
      },
    });
  }

  close(user: AuthenticatedUser, pollId: string, authority: Authority = 'room'): Promise<Poll> {
    return this.closeAs(user, pollId, authority);
  }

  /**
   * The countdown ran out. Another instance (or a moderator) may have closed the poll a moment ago: that
   * is the close this one wanted, so it is no error.
   */
  async closeWhenDue(pollId: string): Promise<void> {
    if (this.store.get(pollId)?.status !== 'open') return;
    try {
      await this.closeAs(SYSTEM_ACTOR, pollId);
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
    }
  }

  /**
   * Freezes the ballots first: from then on no ballot is acknowledged, and every one that was is in the count
   * stored with the closed status. The close that wins that write, and only that one, posts the result into
   * the poll's thread (when anyone voted), after the close's own event.
   */
  private async closeAs(
    actor: AuthenticatedUser | typeof SYSTEM_ACTOR,
    pollId: string,
    authority: Authority = 'room',
  ): Promise<Poll> {
    const closed = await this.transition(actor, pollId, {
      authority,
      from: 'open',
      type: 'poll.updated',
      logged: 'poll.closed',
      refusal: (status) => new ConflictException(`The poll is ${status}; it cannot become closed`),
      change: async (poll) => {
        if (!(await this.closes.claim(pollId)))
          throw new ConflictException('The poll is closed; it cannot become closed');
        const ballots = await this.store.ballots.freeze(pollId);
        const finalTally = countBallots({ ...poll, ballots });
        const resultThreadId = finalTally.voters > 0 ? resultThreadIdOf(pollId) : null;
        return { $set: { status: 'closed', closedAt: new Date(), finalTally, resultThreadId } };
      },
    });
    await this.results.post(pollId);
    return closed;
  }

  async vote(user: AuthenticatedUser, pollId: string, request: BallotRequest): Promise<Poll> {
    let poll = await this.store.find(pollId);
    if (poll && poll.status !== 'open') {
      // Opened on another instance a moment ago, its event not here yet: look again by _id before refusing.
      await this.store.reload(pollId);
      poll = this.store.get(pollId);
    }
    // A draft is nobody's business but the moderators': voting on one looks like voting on nothing.
    if (!poll || poll.status === 'draft') throw new NotFoundException('No such poll');
    if (poll.status !== 'open') throw this.notOpen(poll.status);
    const ballot: BallotRecord = { group: user.stakeholderGroup, ...ballotOf(poll, request), at: new Date() };
    this.rooms.requireWritable(poll.roomId);
    // Refused once the close froze the ballots, even before the poll's status says closed.
    if (!(await this.store.ballots.cast(pollId, user.id, ballot))) throw this.notOpen('closed');
    this.updates.schedule(pollId, poll.roomId, () =>
      this.store.get(pollId)?.status === 'open'
        ? { type: 'poll.updated', subjectId: pollId, actorId: 'system' }
        : null,
    );
    return this.viewFor(pollId, user);
  }

  /**
   * Hides one word-cloud answer from every result, the projector's included, or shows it again. The frozen
   * count of a closed poll keeps it; it is left out whenever results are shown.
   */
  async hideWord(user: AuthenticatedUser, pollId: string, word: string, hidden: boolean): Promise<Poll> {
    const poll = await this.store.find(pollId);
    if (!poll) throw new NotFoundException('No such poll');
    requireRoomModeration(user, poll.roomId);
    if (poll.kind !== 'word_cloud') throw new BadRequestException('Only a word cloud has words to hide');
    if (poll.status === 'draft') throw new ConflictException('A draft has no answers to hide');
    const normalised = normaliseAnswer(word);
    const changed = await this.log.record(poll.roomId, () => {
      const current = this.store.get(pollId) ?? poll;
      const others = (current.hiddenWords ?? []).filter((one) => one !== normalised);
      return {
        event: { type: 'poll.updated', subjectId: pollId, actorId: user.id },
        commit: async () => {
          const updated = await this.write(
            { _id: pollId, version: current.version },
            { $set: { hiddenWords: hidden ? [...others, normalised] : others } },
          );
          if (!updated) {
            await this.store.reload(pollId);
            throw new ConflictException('The poll changed meanwhile; try again');
          }
          this.store.put(updated);
        },
        result: () => this.viewFor(pollId, user),
      };
    });
    // The result posted at the close shows what the poll shows: without the word, or with it again.
    await this.results.post(pollId);
    return changed;
  }

  async get(user: AuthenticatedUser, pollId: string): Promise<Poll> {
    await this.store.find(pollId);
    return this.viewFor(pollId, user);
  }

  async listForRoom(user: AuthenticatedUser, roomId: string): Promise<Poll[]> {
    await this.rooms.get(roomId);
    return this.store
      .ofRoom(roomId)
      .filter((poll) => poll.status !== 'draft' || mayModerateRoom(user, roomId))
      .map((poll) => this.store.pollView(poll, user));
  }

  /** A poll the room's projector may show: one of this room that participants can see (not a draft). */
  requireShowable(roomId: string, pollId: string): void {
    const poll = this.store.get(pollId);
    if (!poll || poll.roomId !== roomId) throw new NotFoundException('No such poll in this room');
    if (poll.status === 'draft') throw new ConflictException('A draft poll cannot be shown; open it first');
  }

  /** The results of a poll with their option labels, for the CSV export: only to whom they are shown. */
  resultsForExport(user: AuthenticatedUser, pollId: string): { poll: PollWithBallots; tally: PollTally } {
    const poll = this.visible(pollId, user);
    if (!this.store.resultsShownTo(poll, user))
      throw new ForbiddenException(
        poll.resultsVisibility === 'after_vote'
          ? 'The results are shown once you vote'
          : 'The results are shown when the poll closes',
      );
    return { poll, tally: this.store.tally(poll) };
  }

  /**
   * Moves a poll from one status to the next in its room's queue: decided against the read model, recorded
   * as a room event, written with the expected status in the filter, and entered in the moderation log
   * within the same queue turn, so the log keeps the order of opens and closes.
   */
  private async transition(
    actor: AuthenticatedUser | typeof SYSTEM_ACTOR,
    pollId: string,
    step: {
      from: PollStatus;
      type: RoomEventDraft['type'];
      /** What the moderation log says of it: opening and closing, not editing a draft. */
      logged?: ModerationAction;
      authority?: Authority;
      refusal: (status: PollStatus | undefined) => ConflictException;
      change: (poll: PollWithBallots) => Promise<UpdateQuery<PollRecord>>;
    },
  ): Promise<Poll> {
    const poll = await this.store.find(pollId);
    if (!poll) throw new NotFoundException('No such poll');
    // The countdown closes on the poll's own authority; a person must moderate the poll's room.
    if (actor !== SYSTEM_ACTOR && step.authority !== 'forum') requireRoomModeration(actor, poll.roomId);
    return this.log.record(poll.roomId, () => {
      const current = this.store.get(pollId);
      if (current?.status !== step.from) throw step.refusal(current?.status);
      return {
        event: { type: step.type, subjectId: pollId, actorId: actor === SYSTEM_ACTOR ? actor : actor.id },
        commit: async (seq) => {
          const updated = await this.write({ _id: pollId, status: step.from }, await step.change(current));
          if (!updated) {
            await this.store.reload(pollId);
            throw step.refusal(this.store.get(pollId)?.status);
          }
          this.store.put(updated, 'here');
          // The log names the moderator who acted; a countdown's close is the poll's own, told by its event.
          if (step.logged && actor !== SYSTEM_ACTOR)
            await this.moderationLog.record(actor, poll.roomId, seq, [
              { action: step.logged, subjectId: pollId },
            ]);
        },
        result: () =>
          actor === SYSTEM_ACTOR
            ? this.store.pollView(this.store.get(pollId) as PollWithBallots, null)
            : this.viewFor(pollId, actor),
      };
    });
  }

  private write(
    filter: Record<string, unknown>,
    update: UpdateQuery<PollRecord>,
  ): Promise<PollRecord | null> {
    return this.polls
      .findOneAndUpdate(filter, { ...update, $inc: { version: 1 } }, { new: true })
      .lean<PollRecord>()
      .exec();
  }

  private viewFor(pollId: string, user: AuthenticatedUser): Poll {
    return this.store.pollView(this.visible(pollId, user), user);
  }

  /** A poll the person may see: drafts only for the room's moderators. */
  private visible(pollId: string, user: AuthenticatedUser): PollWithBallots {
    const poll = this.store.get(pollId);
    if (!poll || (poll.status === 'draft' && !mayModerateRoom(user, poll.roomId)))
      throw new NotFoundException('No such poll');
    return poll;
  }

  private notOpen(status: PollStatus): ConflictException {
    return new ConflictException(`The poll is ${status}, not open for votes`);
  }
}
