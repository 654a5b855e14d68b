import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError, isModerator, type AuthenticatedUser } from '@helix/api/core';
import { CoalescedRoomUpdates, RoomEventLog } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/rooms';
import type { CreatePollRequest, Poll, PollStatus, UpdatePollRequest } from '@helix/contract';
import { trusted, Types, type Model } from 'mongoose';
import { PollResults } from './poll-results';
import type { PollTally } from './poll-tally';
import { BallotRecord } from './schemas/ballot.schema';
import { PollRecord } from './schemas/poll.schema';

const toOptions = (labels: string[]): PollRecord['options'] =>
  labels.map((label) => ({ id: new Types.ObjectId().toHexString(), label }));

@Injectable()
export class PollsService {
  constructor(
    @InjectModel(PollRecord.name) private readonly polls: Model<PollRecord>,
    @InjectModel(BallotRecord.name) private readonly ballots: Model<BallotRecord>,
    private readonly results: PollResults,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
    private readonly updates: CoalescedRoomUpdates,
  ) {}

  async create(user: AuthenticatedUser, roomId: string, request: CreatePollRequest): Promise<Poll> {
    await this.rooms.get(roomId);
    const record: PollRecord = {
      _id: new Types.ObjectId(),
      roomId,
      question: request.question,
      options: toOptions(request.options),
      multiple: request.multiple ?? false,
      anonymous: request.anonymous ?? false,
      status: 'draft',
      createdBy: user.id,
      createdAt: new Date(),
      openedAt: null,
      closedAt: null,
      finalTally: null,
    };
    await this.polls.create(record);
    return this.view(record, null);
  }

  async update(pollId: string, request: UpdatePollRequest): Promise<Poll> {
    const { roomId } = await this.record(pollId);
    const { options, ...rest } = request;
    let updated: PollRecord | null = null;
    // In the room's queue, so an edit cannot interleave with opening the poll.
    await this.log.appendWith(roomId, async () => {
      const poll = await this.record(pollId);
      if (poll.status !== 'draft') throw new ConflictException('Only a draft poll can be edited');
      updated = await this.polls
        .findOneAndUpdate(
          { _id: pollId },
          { $set: { ...rest, ...(options ? { options: toOptions(options) } : {}) } },
          { new: true },
        )
        .lean<PollRecord>()
        .exec();
      return null;
    });
    if (!updated) throw new NotFoundException('No such poll');
    return this.view(updated, null);
  }

  open(user: AuthenticatedUser, pollId: string): Promise<Poll> {
    return this.transition(user, pollId, 'draft', 'open', 'poll.created', async () => ({
      status: 'open',
      openedAt: new Date(),
    }));
  }

  close(user: AuthenticatedUser, pollId: string): Promise<Poll> {
    return this.transition(user, pollId, 'open', 'closed', 'poll.updated', async (poll) => ({
      status: 'closed',
      closedAt: new Date(),
      finalTally: await this.results.count(poll),
    }));
  }

  async vote(user: AuthenticatedUser, pollId: string, optionIds: string[]): Promise<Poll> {
    const poll = await this.record(pollId);
    if (poll.status !== 'open') throw new ConflictException(`The poll is ${poll.status}, not open for votes`);
    const known = new Set(poll.options.map((option) => option.id));
    const unknown = optionIds.filter((id) => !known.has(id));
    if (unknown.length) throw new BadRequestException(`Unknown option: ${unknown.join(', ')}`);
    if (!poll.multiple && optionIds.length > 1) throw new BadRequestException('This poll takes one option');
    await this.storeBallot(poll, user, optionIds);
    this.results.noteBallot(pollId);
    this.scheduleBroadcast(poll);
    return this.view(poll, optionIds);
  }

  async get(user: AuthenticatedUser, pollId: string): Promise<Poll> {
    const poll = await this.record(pollId);
    if (poll.status === 'draft' && !isModerator(user)) throw new NotFoundException('No such poll');
    return this.view(poll, await this.myVote(poll, user));
  }

  async listForRoom(user: AuthenticatedUser, roomId: string): Promise<Poll[]> {
    await this.rooms.get(roomId);
    const records = await this.polls
      .find({ roomId, ...(isModerator(user) ? {} : { status: trusted({ $in: ['open', 'closed'] }) }) })
      .sort({ createdAt: -1 })
      .lean<PollRecord[]>()
      .exec();
    return Promise.all(records.map(async (poll) => this.view(poll, await this.myVote(poll, user))));
  }

  /** A poll the room's projector may show: one of this room that participants can see (not a draft). */
  async requireShowable(roomId: string, pollId: string): Promise<void> {
    const poll = await this.polls.findOne({ _id: pollId, roomId }, { status: 1 }).lean<PollRecord>().exec();
    if (!poll) throw new NotFoundException('No such poll in this room');
    if (poll.status === 'draft') throw new ConflictException('A draft poll cannot be shown; open it first');
  }

  /** The results of a poll with their option labels, for the CSV export. */
  async resultsForExport(
    user: AuthenticatedUser,
    pollId: string,
  ): Promise<{ poll: PollRecord; tally: PollTally }> {
    const poll = await this.record(pollId);
    if (poll.status === 'draft' && !isModerator(user)) throw new NotFoundException('No such poll');
    return { poll, tally: await this.results.tally(poll) };
  }

  private async storeBallot(poll: PollRecord, user: AuthenticatedUser, optionIds: string[]): Promise<void> {
    const ballot = {
      pollId: poll._id.toHexString(),
      userId: user.id,
      group: user.stakeholderGroup,
      optionIds,
      updatedAt: new Date(),
    };
    try {
      // A first vote is an insert, which the unique index answers directly; FerretDB runs an upsert
      // as a scan of the collection, which made a burst of 2000 first votes quadratic.
      await this.ballots.create(ballot);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await this.ballots.updateOne({ pollId: ballot.pollId, userId: ballot.userId }, { $set: ballot }).exec();
    }
  }

  /** Live results go out as coalesced `poll.updated` events (see CoalescedRoomUpdates). */
  private scheduleBroadcast(poll: PollRecord): void {
    const pollId = poll._id.toHexString();
    this.updates.schedule(pollId, poll.roomId, async () => {
      const current = await this.record(pollId);
      if (current.status !== 'open') return null;
      return {
        roomId: poll.roomId,
        type: 'poll.updated',
        actorId: 'system',
        subjectId: pollId,
        payload: await this.view(current, null),
      };
    });
  }

  private async transition(
    user: AuthenticatedUser,
    pollId: string,
    from: PollStatus,
    to: PollStatus,
    eventType: 'poll.created' | 'poll.updated',
    changes: (poll: PollRecord) => Promise<Partial<PollRecord>>,
  ): Promise<Poll> {
    const { roomId } = await this.record(pollId);
    let view: Poll | undefined;
    // In the room's queue: the state check and the change see no other change of the room in between.
    await this.log.appendWith(roomId, async () => {
      const poll = await this.record(pollId);
      if (poll.status !== from)
        throw new ConflictException(`The poll is ${poll.status}; it cannot become ${to}`);
      const updated = await this.polls
        .findOneAndUpdate({ _id: pollId }, { $set: await changes(poll) }, { new: true })
        .lean<PollRecord>()
        .exec();
      if (!updated) throw new NotFoundException('No such poll');
      const payload = await this.view(updated, null);
      view = { ...payload, myVote: await this.myVote(updated, user) };
      return { roomId, type: eventType, actorId: user.id, subjectId: pollId, payload };
    });
    if (!view) throw new NotFoundException('No such poll');
    return view;
  }

  private async record(pollId: string): Promise<PollRecord> {
    const poll = await this.polls.findById(pollId).lean<PollRecord>().exec();
    if (!poll) throw new NotFoundException('No such poll');
    return poll;
  }

  private async myVote(poll: PollRecord, user: AuthenticatedUser): Promise<string[] | null> {
    const ballot = await this.ballots
      .findOne({ pollId: poll._id.toHexString(), userId: user.id }, { optionIds: 1 })
      .lean<Pick<BallotRecord, 'optionIds'>>()
      .exec();
    return ballot?.optionIds ?? null;
  }

  private async view(poll: PollRecord, myVote: string[] | null, tally?: PollTally): Promise<Poll> {
    const counted = tally ?? (poll.status === 'draft' ? undefined : await this.results.tally(poll));
    return {
      id: poll._id.toHexString(),
      roomId: poll.roomId,
      question: poll.question,
      status: poll.status,
      multiple: poll.multiple,
      anonymous: poll.anonymous,
      options: poll.options.map((option) => ({ ...option, votes: counted?.votes[option.id] ?? 0 })),
      voters: counted?.voters ?? 0,
      byGroup: counted?.byGroup ?? {},
      myVote,
      createdAt: poll.createdAt.toISOString(),
      openedAt: poll.openedAt?.toISOString() ?? null,
      closedAt: poll.closedAt?.toISOString() ?? null,
    };
  }
}
