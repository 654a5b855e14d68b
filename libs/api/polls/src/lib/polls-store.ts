import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  BallotBox,
  mayModerateRoom,
  ReadModel,
  type AuthenticatedUser,
  type BallotBucket,
} from '@helix/api/core';
import { Metrics } from '@helix/api/observability';
import { RoomSubjects, type RoomEventPayload, type RoomSubjectSource } from '@helix/api/realtime';
import type { FormatResult, Poll, RoomEventType } from '@helix/contract';
import type { Model } from 'mongoose';
import { tallyFormat } from './format-tally';
import { tallyBallots, type PollTally } from './poll-tally';
import { POLL_BALLOTS, PollRecord, type BallotRecord, type PollWithBallots } from './schemas/poll.schema';

export const POLL_EVENT_TYPES = [
  'poll.created',
  'poll.updated',
  'poll.draft',
] as const satisfies readonly RoomEventType[];

/** Where a stored state applied to the read model was written: by this instance, or read back from the database. */
export type PollOrigin = 'here' | 'elsewhere';
export type PollListener = (record: PollRecord, origin: PollOrigin) => void;

interface PollState {
  record: PollRecord;
  /** `record` with the ballots it was put together with, and their tally once counted. */
  joined?: { poll: PollWithBallots; tally?: PollTally };
}

/**
 * Every poll with its ballots, in memory (docs/adr/0001-forum-scale.md): lists, results and everyone's own vote
 * are answered from here; a poll and its ballot buckets are read again by `_id` when another instance changed
 * them.
 */
@Injectable()
export class PollsStore extends ReadModel implements RoomSubjectSource {
  private readonly polls = new Map<string, PollState>();
  private readonly rooms = new Map<string, Set<string>>();
  private readonly listeners: PollListener[] = [];

  readonly ballots: BallotBox<BallotRecord>;

  constructor(
    @InjectModel(PollRecord.name) private readonly model: Model<PollRecord>,
    @InjectModel(POLL_BALLOTS) ballots: Model<BallotBucket<BallotRecord>>,
    subjects: RoomSubjects,
    metrics: Metrics,
  ) {
    super();
    this.ballots = new BallotBox(ballots, false);
    subjects.register(POLL_EVENT_TYPES, this);
    metrics.sample('helix_polls_open', () => {
      let open = 0;
      for (const { record } of this.polls.values()) if (record.status === 'open') open += 1;
      return open;
    });
  }

  get(pollId: string): PollWithBallots | undefined {
    const state = this.polls.get(pollId);
    return state && this.joinedOf(pollId, state).poll;
  }

  /** The poll, read by `_id` when this instance has not heard of it yet (made a moment ago on another). */
  async find(pollId: string): Promise<PollWithBallots | undefined> {
    if (!this.polls.has(pollId)) await this.reload(pollId);
    return this.get(pollId);
  }

  /** The room's polls, newest first. */
  ofRoom(roomId: string): PollWithBallots[] {
    return [...(this.rooms.get(roomId) ?? [])]
      .map((id) => this.get(id))
      .filter((poll) => poll !== undefined)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Every poll one person voted in, with their ballot: a pass over memory, for that person's data export. */
  votedBy(userId: string): { poll: PollWithBallots; ballot: BallotRecord }[] {
    return [...this.polls.keys()].flatMap((id) => {
      const poll = this.get(id);
      const ballot = poll?.ballots[userId];
      return poll && ballot ? [{ poll, ballot }] : [];
    });
  }

  /** The closed polls that opened a thread for their result (docs/adr/0003-poll-results-in-threads.md). */
  withResultThreads(): string[] {
    return [...this.polls].flatMap(([id, { record }]) =>
      record.status === 'closed' && record.resultThreadId ? [id] : [],
    );
  }

  /** Told of every state applied, at boot too (PollCloser arms its timers from these). */
  onPut(listener: PollListener): void {
    this.listeners.push(listener);
  }

  /** Applies a stored state, unless a newer one is already here. */
  put(record: PollRecord, origin: PollOrigin = 'elsewhere'): void {
    const id = record._id.toHexString();
    const existing = this.polls.get(id);
    if (existing && existing.record.version >= record.version) return;
    this.polls.set(id, { record });
    for (const listener of this.listeners) listener(record, origin);
    let ids = this.rooms.get(record.roomId);
    if (!ids) {
      ids = new Set();
      this.rooms.set(record.roomId, ids);
    }
    ids.add(id);
  }

  /** Results now: the frozen count of a closed poll, else a count of its ballots, once per change. */
  tally(poll: PollWithBallots): PollTally {
    if (poll.finalTally) return poll.finalTally;
    const joined = this.polls.get(poll._id.toHexString())?.joined;
    if (joined?.poll !== poll) return countBallots(poll);
    return (joined.tally ??= countBallots(poll));
  }

  /** What members see in the poll's room events: drafts only as a notice for moderators. */
  view(type: RoomEventType, pollId: string): RoomEventPayload | null {
    const record = this.get(pollId);
    if (!record) return null;
    if (type === 'poll.draft') return { id: pollId, roomId: record.roomId };
    return record.status === 'draft' ? null : this.pollView(record, null);
  }

  /**
   * Whether the viewer may see the poll's counts now (null: every member of the room, as its room events
   * carry them to all alike).
   */
  resultsShownTo(record: PollWithBallots, viewer: AuthenticatedUser | null): boolean {
    const visibility = record.resultsVisibility ?? 'always';
    if (record.status === 'closed' || visibility === 'always') return true;
    if (!viewer) return false;
    if (mayModerateRoom(viewer, record.roomId)) return true;
    return visibility === 'after_vote' && Boolean(record.ballots?.[viewer.id]);
  }

  /**
   * The poll as `viewer` sees it (null: as every member does, with no own vote). Counts the viewer may not
   * see yet are left out (zero), so neither REST nor a room event leaks them; only moderators see which words
   * were hidden, so that a hidden word is shown to nobody else.
   */
  pollView(record: PollWithBallots, viewer: AuthenticatedUser | null): Poll {
    const resultsHidden = !this.resultsShownTo(record, viewer);
    const tally = record.status === 'draft' || resultsHidden ? undefined : this.tally(record);
    const viewerId = viewer?.id;
    const moderator = viewer !== null && mayModerateRoom(viewer, record.roomId);
    return {
      id: record._id.toHexString(),
      roomId: record.roomId,
      question: record.question,
      kind: record.kind ?? 'choice',
      status: record.status,
      multiple: record.multiple,
      anonymous: record.anonymous,
      resultsVisibility: record.resultsVisibility ?? 'always',
      resultsHidden,
      options: record.options.map((option) => ({ ...option, votes: tally?.votes[option.id] ?? 0 })),
      voters: tally?.voters ?? 0,
      byGroup: tally?.byGroup ?? {},
      myVote: (viewerId && record.ballots?.[viewerId]?.optionIds) || null,
      formatResult: tally?.format ? withoutHidden(tally.format, record.hiddenWords ?? [], moderator) : null,
      myWords: (viewerId && record.ballots?.[viewerId]?.words) || null,
      myRatings: (viewerId && record.ballots?.[viewerId]?.ratings) || null,
      createdAt: record.createdAt.toISOString(),
      openedAt: record.openedAt?.toISOString() ?? null,
      closesAt: record.closesAt?.toISOString() ?? null,
      closedAt: record.closedAt?.toISOString() ?? null,
      resultThreadId: record.resultThreadId ?? null,
    };
  }

  async reload(pollId: string): Promise<void> {
    const [record] = await Promise.all([
      this.model.findById(pollId).lean<PollRecord>().exec(),
      this.ballots.reload(pollId),
    ]);
    if (record) this.put(record);
  }

  protected async load(): Promise<void> {
    const polls = async () => {
      for await (const record of this.model.find().lean<PollRecord>().cursor({ batchSize: 100 }))
        this.put(record);
    };
    await Promise.all([polls(), this.ballots.load()]);
  }

  /** The poll joined with its current ballots, again only when either changed. */
  private joinedOf(pollId: string, state: PollState): { poll: PollWithBallots; tally?: PollTally } {
    const ballots = this.ballots.ballotsOf(pollId);
    if (state.joined?.poll.ballots !== ballots) state.joined = { poll: { ...state.record, ballots } };
    return state.joined;
  }
}

/** Counts a poll's ballots. */
export function countBallots(record: PollWithBallots): PollTally {
  const optionIds = record.options.map((option) => option.id);
  const ballots = Object.values(record.ballots ?? {});
  const format = tallyFormat(
    { kind: record.kind ?? 'choice', optionIds, scale: record.scale ?? null, anonymous: record.anonymous },
    ballots,
  );
  return { ...tallyBallots(optionIds, ballots, record.anonymous), format };
}

/** A word cloud as shown: the words a moderator hid left out, listed apart. */
function withoutHidden(result: FormatResult, hiddenWords: string[], moderator: boolean): FormatResult {
  if (result.kind !== 'word_cloud' || !hiddenWords.length) return result;
  const hidden = new Set(hiddenWords);
  const shown = (counts: Record<string, number>) =>
    Object.fromEntries(Object.entries(counts).filter(([word]) => !hidden.has(word)));
  return {
    ...result,
    words: result.words.filter(({ word }) => !hidden.has(word)),
    byGroup: Object.fromEntries(
      Object.entries(result.byGroup).map(([group, counts]) => [group, shown(counts)]),
    ),
    hiddenWords: moderator ? hiddenWords : [],
  };
}
