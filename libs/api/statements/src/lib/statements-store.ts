import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { BallotBox, ReadModel, type BallotBucket } from '@helix/api/core';
import { RoomSubjects, type RoomEventPayload, type RoomSubjectSource } from '@helix/api/realtime';
import type { RoomEventType, StatementVoteCounts } from '@helix/contract';
import type { Model } from 'mongoose';
import { countBallots, toStatement } from './statement-view';
import { STATEMENT_BALLOTS, StatementRecord, type StatementBallot } from './schemas/statement.schema';

export const STATEMENT_EVENT_TYPES = [
  'statement.updated',
  'statement.pending',
] as const satisfies readonly RoomEventType[];

export interface StatementState {
  record: StatementRecord;
  /** The ballots as last counted, and their count: counted again only when a bucket changed. */
  counted?: { ballots: Record<string, StatementBallot>; votes: StatementVoteCounts };
}

/**
 * Every statement of every room with its ballots, in memory (docs/adr/0001-forum-scale.md): lists, the next
 * statement to vote on and the results are answered from here; a statement and its ballot buckets are read
 * again by `_id` when another instance changed them.
 */
@Injectable()
export class StatementsStore extends ReadModel implements RoomSubjectSource {
  private readonly statements = new Map<string, StatementState>();
  private readonly rooms = new Map<string, Set<string>>();

  readonly ballots: BallotBox<StatementBallot>;

  constructor(
    @InjectModel(StatementRecord.name) private readonly model: Model<StatementRecord>,
    @InjectModel(STATEMENT_BALLOTS) ballots: Model<BallotBucket<StatementBallot>>,
    subjects: RoomSubjects,
  ) {
    super();
    this.ballots = new BallotBox(ballots, false);
    subjects.register(STATEMENT_EVENT_TYPES, this);
  }

  get(statementId: string): StatementState | undefined {
    return this.statements.get(statementId);
  }

  /** The statement, read by `_id` when this instance has not heard of it yet (submitted a moment ago on another). */
  async find(statementId: string): Promise<StatementState | undefined> {
    if (!this.statements.has(statementId)) await this.reload(statementId);
    return this.get(statementId);
  }

  /** Every statement, in memory: one person's data export looks through them for theirs. */
  all(): StatementState[] {
    return [...this.statements.values()];
  }

  /** The room's statements, oldest first (by id within one millisecond, so every instance agrees). */
  ofRoom(roomId: string): StatementState[] {
    return [...(this.rooms.get(roomId) ?? [])]
      .map((id) => this.statements.get(id))
      .filter((state) => state !== undefined)
      .sort(
        (a, b) =>
          a.record.createdAt.getTime() - b.record.createdAt.getTime() ||
          a.record._id.toHexString().localeCompare(b.record._id.toHexString()),
      );
  }

  ballotsOf(statementId: string): Record<string, StatementBallot> {
    return this.ballots.ballotsOf(statementId);
  }

  votesOf(state: StatementState): StatementVoteCounts {
    const ballots = this.ballotsOf(state.record._id.toHexString());
    if (state.counted?.ballots !== ballots) state.counted = { ballots, votes: countBallots(ballots) };
    return state.counted.votes;
  }

  /** Applies a stored state, unless a newer one is already here. */
  put(record: StatementRecord): void {
    const id = record._id.toHexString();
    const existing = this.statements.get(id);
    if (existing && existing.record.version >= record.version) return;
    this.statements.set(id, { record });
    let ids = this.rooms.get(record.roomId);
    if (!ids) {
      ids = new Set();
      this.rooms.set(record.roomId, ids);
    }
    ids.add(id);
  }

  /** Room events carry a statement as everyone sees it; one waiting for review only as a notice to moderators. */
  view(type: RoomEventType, statementId: string): RoomEventPayload | null {
    const state = this.statements.get(statementId);
    if (!state) return null;
    if (type === 'statement.pending') return { id: statementId, roomId: state.record.roomId };
    if (state.record.status === 'pending') return null;
    return toStatement(state.record, this.votesOf(state), null);
  }

  async reload(statementId: string): Promise<void> {
    const [record] = await Promise.all([
      this.model.findById(statementId).lean<StatementRecord>().exec(),
      this.ballots.reload(statementId),
    ]);
    if (record) this.put(record);
  }

  protected async load(): Promise<void> {
    const statements = async () => {
      for await (const record of this.model.find().lean<StatementRecord>().cursor({ batchSize: 1_000 }))
        this.put(record);
    };
    await Promise.all([statements(), this.ballots.load()]);
  }
}
