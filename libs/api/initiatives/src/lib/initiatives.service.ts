import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  FreshCount,
  isDuplicateKeyError,
  isModerator,
  KeyedMutex,
  toPublicUser,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import { CoalescedRoomUpdates, RoomEventLog, type RoomEventDraft } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/rooms';
import { DEFAULT_CONSENSUS_RULE, evaluateConsensus } from '@helix/consensus';
import type {
  CreateInitiativeRequest,
  Initiative,
  InitiativeVoteRequest,
  ListInitiativesQuery,
  OpenVotingRequest,
  Partner,
  UpdateInitiativeRequest,
  VoteHistoryEntry,
} from '@helix/contract';
import { trusted, Types, type Model } from 'mongoose';
import { toInitiative } from './initiative-view';
import { InitiativeClosureRecord } from './schemas/initiative-closure.schema';
import { InitiativeVoteHistoryRecord, InitiativeVoteRecord } from './schemas/initiative-vote.schema';
import { InitiativeRecord } from './schemas/initiative.schema';

const SYSTEM = 'system';

@Injectable()
export class InitiativesService {
  private readonly votesCache = new FreshCount<InitiativeVoteRecord[]>();
  private readonly changes = new KeyedMutex();

  constructor(
    @InjectModel(InitiativeRecord.name) private readonly initiatives: Model<InitiativeRecord>,
    @InjectModel(InitiativeVoteRecord.name) private readonly votes: Model<InitiativeVoteRecord>,
    @InjectModel(InitiativeVoteHistoryRecord.name)
    private readonly history: Model<InitiativeVoteHistoryRecord>,
    @InjectModel(InitiativeClosureRecord.name) private readonly closures: Model<InitiativeClosureRecord>,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
    private readonly updates: CoalescedRoomUpdates,
  ) {}

  async create(
    user: AuthenticatedUser,
    request: CreateInitiativeRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    if (request.roomId) await this.rooms.get(request.roomId);
    const record: InitiativeRecord = {
      _id: new Types.ObjectId(),
      title: request.title,
      summary: request.summary,
      roomId: request.roomId ?? null,
      proposer: toPublicUser(user),
      partners: withProposer(user, request.partners ?? []),
      status: 'draft',
      rule: DEFAULT_CONSENSUS_RULE,
      closesAt: null,
      openedAt: null,
      closedAt: null,
      outcome: null,
      source: request.source ?? null,
      createdAt: new Date(),
    };
    await this.initiatives.create(record);
    await this.publish(record, user.id);
    return toInitiative(record, [], user.id, language);
  }

  update(
    user: AuthenticatedUser,
    id: string,
    request: UpdateInitiativeRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    return this.changes.run(id, async () => {
      const current = await this.record(id);
      if (current.proposer.id !== user.id)
        throw new ForbiddenException('Only the proposer edits an initiative');
      if (current.status !== 'draft') throw new ConflictException('Only a draft can be edited');
      if (request.roomId) await this.rooms.get(request.roomId);
      const { partners, ...rest } = request;
      const updated = await this.save(id, {
        ...rest,
        ...(partners ? { partners: withProposer(user, partners) } : {}),
      });
      await this.publish(updated, user.id);
      return this.view(updated, user.id, language);
    });
  }

  openVoting(
    user: AuthenticatedUser,
    id: string,
    request: OpenVotingRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    return this.changes.run(id, async () => {
      const current = await this.record(id);
      if (current.proposer.id !== user.id && !isModerator(user)) {
        throw new ForbiddenException('Only the proposer or a moderator opens voting');
      }
      if (current.status !== 'draft')
        throw new ConflictException(`Voting cannot open: the initiative is ${current.status}`);
      const closesAt = request.closesAt ? new Date(request.closesAt) : null;
      if (closesAt && closesAt.getTime() <= Date.now())
        throw new BadRequestException('closesAt must be in the future');
      const updated = await this.save(id, {
        status: 'voting',
        openedAt: new Date(),
        closesAt,
        rule: { ...DEFAULT_CONSENSUS_RULE, ...request.rule },
      });
      await this.publish(updated, user.id);
      return this.view(updated, user.id, language);
    });
  }

  /** Closes voting once (see InitiativeClosureRecord); `by` is a moderator, or the timer. */
  close(by: AuthenticatedUser | typeof SYSTEM, id: string, language: RequestLanguage): Promise<Initiative> {
    return this.changes.run(id, async () => {
      const current = await this.record(id);
      if (current.status !== 'voting')
        throw new ConflictException(`Voting is not open: the initiative is ${current.status}`);
      const votes = await this.loadVotes(id);
      const verdict = evaluateConsensus(current.rule, votes);
      const decided: Omit<InitiativeClosureRecord, '_id'> = {
        initiativeId: id,
        status: verdict.reached ? 'adopted' : 'rejected',
        outcome: { reached: verdict.reached, conditions: verdict.conditions, tally: verdict.tally },
        closedAt: new Date(),
        closedBy: by === SYSTEM ? SYSTEM : by.id,
      };
      let closure = decided;
      try {
        await this.closures.create(decided);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        closure =
          (await this.closures.findOne({ initiativeId: id }).lean<InitiativeClosureRecord>().exec()) ??
          decided;
      }
      const updated = await this.save(id, {
        status: closure.status,
        outcome: closure.outcome,
        closedAt: closure.closedAt,
      });
      // A fixed client id: if another instance applies the same closure, the log stores one event.
      await this.publish(updated, SYSTEM, `initiative-closed-${id}`, votes);
      return toInitiative(updated, votes, by === SYSTEM ? null : by.id, language);
    });
  }

  /** Initiatives whose voting time is over, for the closer. */
  async dueForClosing(now: Date): Promise<string[]> {
    const due = await this.initiatives
      .find({ status: 'voting', closesAt: trusted({ $ne: null, $lte: now }) }, { _id: 1 })
      .lean<Array<Pick<InitiativeRecord, '_id'>>>()
      .exec();
    return due.map((record) => record._id.toHexString());
  }

  async vote(
    user: AuthenticatedUser,
    id: string,
    request: InitiativeVoteRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    const current = await this.record(id);
    if (current.status !== 'voting')
      throw new ConflictException(`Voting is not open: the initiative is ${current.status}`);
    if (current.closesAt && current.closesAt.getTime() <= Date.now())
      throw new ConflictException('Voting has closed');
    const vote: Omit<InitiativeVoteRecord, '_id'> = {
      initiativeId: id,
      userId: user.id,
      user: toPublicUser(user),
      group: user.stakeholderGroup,
      position: request.position,
      reason: request.reason || null,
      at: new Date(),
    };
    await this.storeVote(vote);
    await this.history.create(vote);
    this.votesCache.noteWrite(id);
    if (current.roomId) {
      const roomId = current.roomId;
      this.updates.schedule(id, roomId, async () => this.eventDraft(await this.record(id), SYSTEM));
    }
    return this.view(current, user.id, language);
  }

  async get(user: AuthenticatedUser, id: string, language: RequestLanguage): Promise<Initiative> {
    return this.view(await this.record(id), user.id, language);
  }

  async list(
    user: AuthenticatedUser,
    query: ListInitiativesQuery,
    language: RequestLanguage,
  ): Promise<Initiative[]> {
    const records = await this.initiatives
      .find({
        ...(query.status ? { status: query.status } : {}),
        ...(query.roomId ? { roomId: query.roomId } : {}),
        ...(query.group ? { 'partners.stakeholderGroup': query.group } : {}),
      })
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<InitiativeRecord[]>()
      .exec();
    return Promise.all(records.map((record) => this.view(record, user.id, language)));
  }

  /** An initiative a projector may show, in any room: any that is past its draft. */
  async requireShowable(id: string): Promise<void> {
    const { status } = await this.record(id);
    if (status === 'draft') throw new ConflictException('A draft initiative cannot be shown yet');
  }

  async voteHistory(id: string): Promise<VoteHistoryEntry[]> {
    await this.record(id);
    const entries = await this.history
      .find({ initiativeId: id })
      .sort({ at: 1 })
      .lean<InitiativeVoteHistoryRecord[]>()
      .exec();
    return entries.map((entry) => ({
      user: entry.user,
      position: entry.position,
      reason: entry.reason,
      at: entry.at.toISOString(),
    }));
  }

  /** Adopted initiatives with their frozen tallies, for the end-of-forum outcome. */
  async adopted(language: RequestLanguage): Promise<Initiative[]> {
    const records = await this.initiatives
      .find({ status: 'adopted' })
      .sort({ closedAt: 1 })
      .lean<InitiativeRecord[]>()
      .exec();
    return Promise.all(records.map((record) => this.view(record, null, language)));
  }

  private async storeVote(vote: Omit<InitiativeVoteRecord, '_id'>): Promise<void> {
    try {
      // Insert first: the unique index answers it directly, where FerretDB runs an upsert as a scan.
      await this.votes.create(vote);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await this.votes
        .updateOne({ initiativeId: vote.initiativeId, userId: vote.userId }, { $set: vote })
        .exec();
    }
  }

  private async view(
    record: InitiativeRecord,
    viewerId: string | null,
    language: RequestLanguage,
  ): Promise<Initiative> {
    const votes = await this.votesCache.get(record._id.toHexString(), () =>
      this.loadVotes(record._id.toHexString()),
    );
    return toInitiative(record, votes, viewerId, language);
  }

  private loadVotes(id: string): Promise<InitiativeVoteRecord[]> {
    return this.votes.find({ initiativeId: id }).batchSize(10_000).lean<InitiativeVoteRecord[]>().exec();
  }

  /** Initiatives in a room are room events too; the event carries no viewer's own vote. */
  private async publish(
    record: InitiativeRecord,
    actorId: string,
    clientId?: string,
    votes?: InitiativeVoteRecord[],
  ): Promise<void> {
    if (!record.roomId) return;
    await this.log.append(await this.eventDraft(record, actorId, clientId, votes));
  }

  private async eventDraft(
    record: InitiativeRecord,
    actorId: string,
    clientId?: string,
    votes?: InitiativeVoteRecord[],
  ): Promise<RoomEventDraft> {
    const id = record._id.toHexString();
    const payload = votes ? toInitiative(record, votes, null, 'en') : await this.view(record, null, 'en');
    return {
      roomId: record.roomId as string,
      type: 'initiative.updated',
      actorId,
      clientId,
      subjectId: id,
      payload,
    };
  }

  private async record(id: string): Promise<InitiativeRecord> {
    const record = await this.initiatives.findById(id).lean<InitiativeRecord>().exec();
    if (!record) throw new NotFoundException('No such initiative');
    return record;
  }

  private async save(id: string, changes: Partial<InitiativeRecord>): Promise<InitiativeRecord> {
    const updated = await this.initiatives
      .findByIdAndUpdate(id, { $set: changes }, { new: true })
      .lean<InitiativeRecord>()
      .exec();
    if (!updated) throw new NotFoundException('No such initiative');
    return updated;
  }
}

/** The proposer's organisation is always the first partner, and no partner is listed twice. */
function withProposer(user: AuthenticatedUser, partners: Partner[]): Partner[] {
  const all = [{ organization: user.organization, stakeholderGroup: user.stakeholderGroup }, ...partners];
  const seen = new Set<string>();
  return all.filter((partner) => {
    const key = `${partner.organization.toLowerCase()}|${partner.stakeholderGroup}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
