import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import { RoomSubjects, type RoomEventPayload, type RoomSubjectSource } from '@helix/api/realtime';
import type { Poll, RoomEventType } from '@helix/contract';
import type { Model } from 'mongoose';
import { tallyBallots, type PollTally } from './poll-tally';
import { PollRecord } from './schemas/poll.schema';

export const POLL_EVENT_TYPES = [
  'poll.created',
  'poll.updated',
  'poll.draft',
] as const satisfies readonly RoomEventType[];

interface PollState {
  record: PollRecord;
  /** The tally of `record` as it is, counted once per version. */
  counted?: { version: number; tally: PollTally };
}

/**
 * Every poll with its ballots, in memory (docs/adr/0001-forum-scale.md): lists, results and everyone's own vote
 * are answered from here; a poll is read again by `_id` when another instance changed it.
 */
@Injectable()
export class PollsStore extends ReadModel implements RoomSubjectSource {
  private readonly polls = new Map<string, PollState>();
  private readonly rooms = new Map<string, Set<string>>();

  constructor(
    @InjectModel(PollRecord.name) private readonly model: Model<PollRecord>,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.register(POLL_EVENT_TYPES, this);
  }

  get(pollId: string): PollRecord | undefined {
    return this.polls.get(pollId)?.record;
  }

  /** The room's polls, newest first. */
  ofRoom(roomId: string): PollRecord[] {
    return [...(this.rooms.get(roomId) ?? [])]
      .map((id) => this.polls.get(id)?.record)
      .filter((poll) => poll !== undefined)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Applies a stored state, unless a newer one is already here. */
  put(record: PollRecord): void {
    const id = record._id.toHexString();
    const existing = this.polls.get(id);
    if (existing && existing.record.version >= record.version) return;
    this.polls.set(id, { record });
    let ids = this.rooms.get(record.roomId);
    if (!ids) {
      ids = new Set();
      this.rooms.set(record.roomId, ids);
    }
    ids.add(id);
  }

  /** Results now: the frozen count of a closed poll, else a count of its ballots. */
  tally(record: PollRecord): PollTally {
    if (record.finalTally) return record.finalTally;
    const state = this.polls.get(record._id.toHexString());
    if (state?.record === record && state.counted?.version === record.version) return state.counted.tally;
    const tally = countBallots(record);
    if (state?.record === record) state.counted = { version: record.version, tally };
    return tally;
  }

  /** What members see in the poll's room events: drafts only as a notice for moderators. */
  view(type: RoomEventType, pollId: string): RoomEventPayload | null {
    const record = this.get(pollId);
    if (!record) return null;
    if (type === 'poll.draft') return { id: pollId, roomId: record.roomId };
    return record.status === 'draft' ? null : this.pollView(record, null);
  }

  /** The poll as `viewerId` sees it (null: as every member does, with no own vote). */
  pollView(record: PollRecord, viewerId: string | null): Poll {
    const tally = record.status === 'draft' ? undefined : this.tally(record);
    return {
      id: record._id.toHexString(),
      roomId: record.roomId,
      question: record.question,
      status: record.status,
      multiple: record.multiple,
      anonymous: record.anonymous,
      options: record.options.map((option) => ({ ...option, votes: tally?.votes[option.id] ?? 0 })),
      voters: tally?.voters ?? 0,
      byGroup: tally?.byGroup ?? {},
      myVote: (viewerId && record.ballots?.[viewerId]?.optionIds) || null,
      createdAt: record.createdAt.toISOString(),
      openedAt: record.openedAt?.toISOString() ?? null,
      closedAt: record.closedAt?.toISOString() ?? null,
    };
  }

  async reload(pollId: string): Promise<void> {
    const record = await this.model.findById(pollId).lean<PollRecord>().exec();
    if (record) this.put(record);
  }

  protected async load(): Promise<void> {
    for await (const record of this.model.find().lean<PollRecord>().cursor({ batchSize: 100 }))
      this.put(record);
  }
}

/** Counts a poll's ballots as they are stored in it. */
export function countBallots(record: PollRecord): PollTally {
  return tallyBallots(
    record.options.map((option) => option.id),
    Object.values(record.ballots ?? {}),
    record.anonymous,
  );
}
