import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { deterministicId, isDuplicateKeyError, isModerator, type AuthenticatedUser } from '@helix/api/core';
import { ModerationLogService } from '@helix/api/moderation';
import { CoalescedRoomUpdates, RoomEventLog, type RoomChange } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/forums';
import type {
  ModerateStatementRequest,
  NextStatement,
  Statement,
  StatementResults,
  StatementStatus,
  StatementVote,
  SubmitStatementRequest,
} from '@helix/contract';
import type { Model } from 'mongoose';
import { StatementResultsService } from './statement-results';
import { canSee, toStatement, type StatementViewer } from './statement-view';
import { StatementRecord } from './schemas/statement.schema';
import { StatementsStore, type StatementState } from './statements-store';

export interface SubmitResult {
  statement: Statement;
  /** False when the author had already sent this clientId: the stored statement, nothing new. */
  created: boolean;
}

const viewerOf = (user: AuthenticatedUser): StatementViewer => ({
  id: user.id,
  moderator: isModerator(user),
});

@Injectable()
export class StatementsService {
  constructor(
    @InjectModel(StatementRecord.name) private readonly statements: Model<StatementRecord>,
    private readonly store: StatementsStore,
    private readonly computed: StatementResultsService,
    private readonly rooms: RoomsService,
    private readonly moderationLog: ModerationLogService,
    private readonly log: RoomEventLog,
    private readonly updates: CoalescedRoomUpdates,
  ) {}

  /** The room's statements the person may see, oldest first: approved ones, their own, and for moderators all. */
  async list(user: AuthenticatedUser, roomId: string): Promise<Statement[]> {
    await this.rooms.get(roomId);
    const viewer = viewerOf(user);
    return this.store
      .ofRoom(roomId)
      .filter((state) => canSee(state.record, viewer))
      .map((state) => this.viewFor(state, user));
  }

  /**
   * A participant's statement waits for a moderator; a moderator's is approved at once, its ballot buckets
   * opened before the statement says it takes votes.
   */
  async submit(
    user: AuthenticatedUser,
    roomId: string,
    request: SubmitStatementRequest,
  ): Promise<SubmitResult> {
    await this.rooms.get(roomId);
    const id = deterministicId('statement', user.id, request.clientId);
    const statementId = id.toHexString();
    let created = false;
    const statement = await this.log.record(roomId, (): RoomChange<Statement> => {
      const known = this.store.get(statementId);
      if (known) return { event: null, result: () => this.viewFor(known, user) };
      const status: StatementStatus = isModerator(user) ? 'approved' : 'pending';
      const record: StatementRecord = {
        _id: id,
        roomId,
        text: request.text,
        authorId: user.id,
        clientId: request.clientId,
        status,
        createdAt: new Date(),
        version: 1,
      };
      return {
        event: {
          type: status === 'pending' ? 'statement.pending' : 'statement.updated',
          subjectId: statementId,
          actorId: user.id,
        },
        commit: async () => {
          if (status === 'approved') await this.store.ballots.open(statementId);
          try {
            await this.statements.collection.insertOne(record as never);
            this.store.put(record);
            created = true;
          } catch (error) {
            // The same clientId reached another instance at the same moment: that one stored it.
            if (!isDuplicateKeyError(error)) throw error;
            await this.store.reload(statementId);
          }
        },
        result: () => this.viewFor(this.stateOf(statementId), user),
      };
    });
    return { statement, created };
  }

  /**
   * Approves or rejects a pending statement, or rejects an approved one (its votes are frozen and it leaves the
   * results). A rejected statement stays rejected; the same status again changes and records nothing.
   */
  async moderate(
    moderator: AuthenticatedUser,
    statementId: string,
    request: ModerateStatementRequest,
  ): Promise<Statement> {
    await this.store.find(statementId);
    const { roomId } = this.stateOf(statementId).record;
    return this.log.record(roomId, () => {
      const from = this.stateOf(statementId).record.status;
      const result = () => this.viewFor(this.stateOf(statementId), moderator);
      if (from === request.status) return { event: null, result };
      if (from === 'rejected')
        throw new ConflictException('This statement was rejected; it cannot come back');
      return {
        // A statement rejected straight from review was never shown: its text stays out of the room's events.
        event: {
          type:
            from === 'pending' && request.status === 'rejected' ? 'statement.pending' : 'statement.updated',
          subjectId: statementId,
          actorId: moderator.id,
        },
        commit: async (seq) => {
          if (request.status === 'approved') await this.store.ballots.open(statementId);
          else if (from === 'approved') await this.store.ballots.freeze(statementId);
          const updated = await this.statements
            .findOneAndUpdate(
              { _id: statementId, status: from },
              { $set: { status: request.status }, $inc: { version: 1 } },
              { new: true },
            )
            .lean<StatementRecord>()
            .exec();
          if (!updated) {
            await this.store.reload(statementId);
            throw new ConflictException('The statement was changed meanwhile; look again');
          }
          this.store.put(updated);
          await this.moderationLog.record(moderator, roomId, seq, [
            {
              action: request.status === 'approved' ? 'statement.approved' : 'statement.rejected',
              subjectId: statementId,
              reason: request.reason ?? null,
            },
          ]);
        },
        result,
      };
    });
  }

  /**
   * The statement to show next: of the approved ones the person has not voted on, the one with the fewest
   * votes (oldest first among equals), so that every statement gathers enough votes to be placed.
   */
  async next(user: AuthenticatedUser, roomId: string): Promise<NextStatement> {
    await this.rooms.get(roomId);
    const approved = this.store.ofRoom(roomId).filter((state) => state.record.status === 'approved');
    const unseen = approved.filter((state) => !this.ballotOf(state, user.id));
    const votes = (state: StatementState) => {
      const counts = this.store.votesOf(state);
      return counts.agree + counts.disagree + counts.pass;
    };
    const [first] = [...unseen].sort((a, b) => votes(a) - votes(b));
    return {
      statement: first ? this.viewFor(first, user) : null,
      remaining: unseen.length,
      voted: approved.length - unseen.length,
    };
  }

  /** One vote per person and statement: a second one is refused, not counted again. */
  async vote(user: AuthenticatedUser, statementId: string, vote: StatementVote): Promise<Statement> {
    const state = await this.store.find(statementId);
    if (!state || !canSee(state.record, viewerOf(user))) throw new NotFoundException('No such statement');
    if (state.record.status === 'pending')
      throw new ConflictException('This statement is waiting for review; it takes no votes yet');
    if (state.record.status === 'rejected')
      throw new ConflictException('This statement was rejected; it takes no votes');
    if (this.ballotOf(state, user.id))
      throw new ConflictException('You have already voted on this statement');
    this.rooms.requireWritable(state.record.roomId);
    const stored = await this.store.ballots.cast(statementId, user.id, {
      vote,
      group: user.stakeholderGroup,
      at: new Date(),
    });
    if (!stored) throw new ConflictException('This statement no longer takes votes');
    // Live counts go out as coalesced `statement.updated` events; each carries the count when it is sent.
    this.updates.schedule(statementId, state.record.roomId, () =>
      this.store.get(statementId)?.record.status === 'approved'
        ? { type: 'statement.updated', subjectId: statementId, actorId: 'system' }
        : null,
    );
    return this.viewFor(this.stateOf(statementId), user);
  }

  async results(roomId: string): Promise<StatementResults> {
    await this.rooms.get(roomId);
    return this.computed.results(roomId);
  }

  private ballotOf(state: StatementState, userId: string) {
    return this.store.ballotsOf(state.record._id.toHexString())[userId];
  }

  private viewFor(state: StatementState, user: AuthenticatedUser): Statement {
    return toStatement(
      state.record,
      this.store.votesOf(state),
      viewerOf(user),
      this.ballotOf(state, user.id)?.vote ?? null,
    );
  }

  private stateOf(statementId: string): StatementState {
    const state = this.store.get(statementId);
    if (!state) throw new NotFoundException('No such statement');
    return state;
  }
}
