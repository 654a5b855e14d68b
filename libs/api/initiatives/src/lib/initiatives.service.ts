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
  isModerator,
  renamePerson,
  toPublicUser,
  type AuthenticatedUser,
  type RequestLanguage,
} from '@helix/api/core';
import { CoalescedRoomUpdates, forumChannel, RoomEventLog } from '@helix/api/realtime';
import { ForumsStore, RoomMessages, RoomsService } from '@helix/api/forums';
import { ModerationLogService } from '@helix/api/moderation';
import { evaluateConsensus } from '@helix/consensus';
import {
  AMENDMENTS_MAX,
  mayWithdrawInitiative,
  PLEDGES_MAX,
  type Amendment,
  type AnswerAmendmentRequest,
  type CreateAmendmentRequest,
  type CreateInitiativeRequest,
  type CreatePledgeRequest,
  type Pledge,
  type PledgeProgressRequest,
  type Initiative,
  type InitiativeVoteRequest,
  type ListInitiativesQuery,
  type ModerationAction,
  type OpenVotingRequest,
  type PublicUser,
  type UpdateInitiativeRequest,
  type VoteHistoryEntry,
} from '@helix/contract';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { ConsensusRuleService } from './consensus-rule.service';
import { textOf } from './amendments';
import { InitiativesStore } from './initiatives-store';
import { partnerIndexOf, partnersFor } from './partners';
import { isOverdue, toPledge } from './pledges';
import {
  InitiativeRecord,
  type AmendmentRecord,
  type PledgeRecord,
  type InitiativeVote,
  type InitiativeWithVotes,
  type PartnerRecord,
} from './schemas/initiative.schema';

const SYSTEM = 'system';

@Injectable()
export class InitiativesService {
  constructor(
    @InjectModel(InitiativeRecord.name) private readonly initiatives: Model<InitiativeRecord>,
    private readonly store: InitiativesStore,
    private readonly consensusRule: ConsensusRuleService,
    private readonly rooms: RoomsService,
    private readonly forums: ForumsStore,
    private readonly roomMessages: RoomMessages,
    private readonly log: RoomEventLog,
    private readonly updates: CoalescedRoomUpdates,
    private readonly moderationLog: ModerationLogService,
  ) {}

  /** The log an initiative's events go to: its room's, or its forum's for one of the whole forum. */
  private channelOf(record: Pick<InitiativeRecord, 'roomId' | 'forumId'>): string {
    return record.roomId ?? forumChannel(this.store.forumIdOf(record));
  }

  /** With a clientId, a second request (a double click, a retry) answers the draft the first one made. */
  async create(
    user: AuthenticatedUser,
    request: CreateInitiativeRequest,
    language: RequestLanguage,
  ): Promise<{ initiative: Initiative; created: boolean }> {
    const room = request.roomId ? await this.rooms.get(request.roomId) : undefined;
    const forumId = room?.forumId ?? request.forumId ?? this.forums.liveForum()?._id.toHexString();
    if (!forumId || !this.forums.forum(forumId)) throw new NotFoundException('No such forum');
    if (room && request.forumId && request.forumId !== room.forumId)
      throw new BadRequestException('The room belongs to another forum');
    const { source } = request;
    if (source && !this.roomMessages.exists(source.roomId, source.threadId, source.messageId))
      throw new BadRequestException('source names no message of that thread and room');
    const objectId = request.clientId
      ? deterministicId('initiative', user.id, request.clientId)
      : new Types.ObjectId();
    const id = objectId.toHexString();
    if (request.clientId) await this.store.find(id);
    let created = false;
    const record: InitiativeRecord = {
      _id: objectId,
      title: request.title,
      summary: request.summary,
      roomId: request.roomId ?? null,
      forumId,
      proposer: toPublicUser(user),
      partners: partnersFor(user, request.partners ?? []),
      status: 'draft',
      rule: this.consensusRule.minimum(forumId),
      closesAt: null,
      openedAt: null,
      closedAt: null,
      closedBy: null,
      withdrawnBy: null,
      withdrawnAt: null,
      outcome: null,
      source: source ?? null,
      createdAt: new Date(),
      version: 1,
    };
    const initiative = await this.log.record(this.channelOf(record), () => {
      if (this.store.get(id)) return { event: null, result: () => this.viewFor(id, user.id, language) };
      return {
        event: { type: 'initiative.updated', subjectId: id, actorId: user.id },
        commit: async () => {
          try {
            await this.initiatives.collection.insertOne(record as never);
          } catch (error) {
            // The same clientId reached another instance at the same moment: that one stored it.
            if (!isDuplicateKeyError(error)) throw error;
            await this.store.find(id);
            return;
          }
          this.store.put(record);
          created = true;
        },
        result: () => this.viewFor(id, user.id, language),
      };
    });
    return { initiative, created };
  }

  async update(
    user: AuthenticatedUser,
    id: string,
    request: UpdateInitiativeRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    if (request.roomId) await this.rooms.get(request.roomId);
    const { partners, ...rest } = request;
    return this.change(user, id, language, {
      decide: (current) => {
        if (current.proposer.id !== user.id)
          throw new ForbiddenException('Only the proposer edits an initiative');
        if (current.status !== 'draft') throw new ConflictException('Only a draft can be edited');
      },
      from: 'draft',
      update: () => ({
        $set: {
          ...rest,
          ...(partners ? { partners: partnersFor(user, partners, this.recordOf(id).partners) } : {}),
        },
      }),
    });
  }

  /**
   * A member of an invited organisation (matching its name and stakeholder group) accepts or declines the
   * invitation for it, until voting closes; the last answer counts and names who gave it. The proposer's own
   * organisation is a partner by proposing.
   */
  answerPartnership(
    user: AuthenticatedUser,
    id: string,
    answer: 'confirmed' | 'declined',
    language: RequestLanguage,
  ): Promise<Initiative> {
    let index = -1;
    return this.change(user, id, language, {
      decide: (current) => {
        if (current.status !== 'draft' && current.status !== 'voting')
          throw new ConflictException(
            `Partners answer until voting closes; the initiative is ${current.status}`,
          );
        index = partnerIndexOf(current.partners, user);
        if (index < 0)
          throw new ForbiddenException(
            'Only a member of an invited organization, in its stakeholder group, answers for it',
          );
        if (index === 0 && answer === 'declined')
          throw new ConflictException(
            "The proposer's organization is a partner by proposing; it cannot decline",
          );
        return current.partners[index].status !== answer;
      },
      filter: () => {
        const partner = this.recordOf(id).partners[index];
        return {
          status: this.recordOf(id).status,
          [`partners.${index}.organization`]: partner.organization,
          [`partners.${index}.stakeholderGroup`]: partner.stakeholderGroup,
        };
      },
      update: () => {
        const partner: PartnerRecord = {
          ...this.recordOf(id).partners[index],
          status: answer,
          respondedBy: toPublicUser(user),
          respondedAt: new Date(),
        };
        return { $set: { [`partners.${index}`]: partner } };
      },
    });
  }

  openVoting(
    user: AuthenticatedUser,
    id: string,
    request: OpenVotingRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    const closesAt = request.closesAt ? new Date(request.closesAt) : null;
    const forumId = this.store.forumIdOf(this.recordOf(id));
    const rule = () => ({ ...this.consensusRule.minimum(forumId), ...request.rule });
    return this.change(user, id, language, {
      decide: (current) => {
        if (current.proposer.id !== user.id && !isModerator(user))
          throw new ForbiddenException('Only the proposer or a moderator opens voting');
        if (current.status !== 'draft')
          throw new ConflictException(`Voting cannot open: the initiative is ${current.status}`);
        if (closesAt && closesAt.getTime() <= Date.now())
          throw new BadRequestException('closesAt must be in the future');
        this.consensusRule.requireAtLeastMinimum(forumId, rule());
      },
      from: 'draft',
      logged: 'initiative.opened',
      // The vote buckets exist, open, before the initiative says voting is open.
      before: () => this.store.votes.open(id),
      update: () => ({
        $set: {
          status: 'voting',
          openedAt: new Date(),
          closesAt,
          rule: rule(),
        },
      }),
    });
  }

  /**
   * Takes a draft back (a duplicate made by mistake, a proposal overtaken by another): its proposer, whoever
   * moderates its room, or an organizer of its forum. The record stays, `withdrawn`, listed nowhere; once
   * voting has opened the forum decides it, so it can no longer be withdrawn. Withdrawing again changes nothing.
   */
  withdraw(user: AuthenticatedUser, id: string, language: RequestLanguage): Promise<Initiative> {
    return this.change(user, id, language, {
      decide: (current) => {
        const organizerIds = this.forums.forum(this.store.forumIdOf(current))?.organizerIds ?? [];
        if (!mayWithdrawInitiative(user, current, organizerIds))
          throw new ForbiddenException(
            "Only the proposer, a moderator of the initiative's room or an organizer withdraws a draft",
          );
        if (current.status === 'withdrawn') return false;
        if (current.status !== 'draft')
          throw new ConflictException(`Only a draft can be withdrawn; the initiative is ${current.status}`);
      },
      from: 'draft',
      logged: 'initiative.withdrawn',
      // The console names a log entry's initiative from the room's list, which no longer has this one.
      loggedDetail: () => this.recordOf(id).title,
      update: () => ({
        $set: { status: 'withdrawn', withdrawnBy: toPublicUser(user), withdrawnAt: new Date() },
      }),
    });
  }

  /**
   * Closes voting once, by a moderator or the timer: the votes are frozen first, so a vote that was
   * acknowledged is in the verdict and a vote that comes after is refused. Two instances closing at once
   * freeze the same votes and reach the same verdict; one write wins, the other finds it closed.
   */
  close(by: AuthenticatedUser | typeof SYSTEM, id: string, language: RequestLanguage): Promise<Initiative> {
    const actorId = by === SYSTEM ? SYSTEM : by.id;
    return this.change(by === SYSTEM ? null : by, id, language, {
      decide: (current) => {
        if (current.status !== 'voting')
          throw new ConflictException(`Voting is not open: the initiative is ${current.status}`);
      },
      actorId,
      logged: 'initiative.closed',
      write: () => this.closeVoting(id, actorId),
    });
  }

  /** Initiatives whose voting time is over, for the closer. */
  dueForClosing(now: Date): string[] {
    return this.store
      .all()
      .filter((record) => record.status === 'voting' && record.closesAt && record.closesAt <= now)
      .map((record) => record._id.toHexString());
  }

  async vote(
    user: AuthenticatedUser,
    id: string,
    request: InitiativeVoteRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    // Opened on another instance a moment ago, its event not here yet: look again by _id before refusing.
    if ((await this.store.find(id))?.status !== 'voting') await this.store.reload(id);
    const current = this.recordOf(id);
    if (current.status !== 'voting')
      throw new ConflictException(`Voting is not open: the initiative is ${current.status}`);
    if (current.closesAt && current.closesAt.getTime() <= Date.now())
      throw new ConflictException('Voting has closed');
    const vote: InitiativeVote = {
      user: toPublicUser(user),
      group: user.stakeholderGroup,
      position: request.position,
      reason: request.reason || null,
      wouldChange: request.wouldChange || null,
      revision: current.revision ?? 1,
      at: new Date(),
    };
    if (!(await this.store.votes.cast(id, user.id, vote))) throw new ConflictException('Voting has closed');
    this.updates.schedule(id, this.channelOf(current), () =>
      this.store.get(id)?.status === 'voting'
        ? { type: 'initiative.updated', subjectId: id, actorId: SYSTEM }
        : null,
    );
    return this.viewFor(id, user.id, language);
  }

  /**
   * Anyone signed in proposes an amendment while voting is open, naming the objections it answers; with a
   * clientId a repeat answers the stored one (created: false).
   */
  async propose(
    user: AuthenticatedUser,
    id: string,
    request: CreateAmendmentRequest,
    language: RequestLanguage,
  ): Promise<{ amendment: Amendment; created: boolean }> {
    const amendmentId = (
      request.clientId ? deterministicId('amendment', user.id, request.clientId) : new Types.ObjectId()
    ).toHexString();
    let created = false;
    const initiative = await this.change(user, id, language, {
      decide: (current) => {
        const amendments = current.amendments ?? [];
        if (amendments.some((amendment) => amendment.id === amendmentId)) return false;
        if (current.status !== 'voting')
          throw new ConflictException(
            `Amendments are proposed while voting is open; it is ${current.status}`,
          );
        if (amendments.length >= AMENDMENTS_MAX)
          throw new ConflictException(`An initiative takes at most ${AMENDMENTS_MAX} amendments`);
        for (const voterId of request.answersObjections) {
          const position = current.votes[voterId]?.position;
          if (position !== 'block' && position !== 'disagree')
            throw new BadRequestException(
              `answersObjections: ${voterId} has no disagreement or block to answer`,
            );
        }
      },
      from: 'voting',
      update: () => {
        created = true;
        return { $push: { amendments: this.amendmentFor(user, id, amendmentId, request) } };
      },
    });
    const amendment = initiative.amendments.find((candidate) => candidate.id === amendmentId);
    if (!amendment) throw new NotFoundException('No such amendment');
    return { amendment, created };
  }

  /**
   * The initiative's proposer accepts or declines a proposed amendment, with a reason. Accepting replaces the
   * text, keeps the replaced one, makes the next version and lets the vote run on it: every vote carries over
   * (marked as cast on the earlier version) and the voters it answered decide again (docs/adr/0002-amendments.md).
   */
  answerAmendment(
    user: AuthenticatedUser,
    id: string,
    amendmentId: string,
    answer: 'accepted' | 'declined',
    request: AnswerAmendmentRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    let index = -1;
    return this.change(user, id, language, {
      decide: (current) => {
        index = (current.amendments ?? []).findIndex((amendment) => amendment.id === amendmentId);
        if (index < 0) throw new NotFoundException('No such amendment');
        if (current.proposer.id !== user.id)
          throw new ForbiddenException("Only the initiative's proposer accepts or declines an amendment");
        if (current.status !== 'voting')
          throw new ConflictException(
            `Amendments are answered while voting is open; it is ${current.status}`,
          );
        const status = (current.amendments ?? [])[index].status;
        if (status !== 'proposed') throw new ConflictException(`The amendment is already ${status}`);
      },
      from: 'voting',
      filter: () => ({ [`amendments.${index}.status`]: 'proposed' }),
      update: () => {
        const current = this.recordOf(id);
        const amendment = (current.amendments ?? [])[index];
        const answered: AmendmentRecord = {
          ...amendment,
          status: answer,
          answeredAt: new Date(),
          answerReason: request.reason,
        };
        if (answer === 'declined') return { $set: { [`amendments.${index}`]: answered } };
        const revision = (current.revision ?? 1) + 1;
        return {
          $set: {
            ...(amendment.title !== null ? { title: amendment.title } : {}),
            ...(amendment.summary !== null ? { summary: amendment.summary } : {}),
            ...(amendment.partners !== null
              ? { partners: partnersFor(user, amendment.partners, current.partners) }
              : {}),
            revision,
            [`amendments.${index}`]: { ...answered, revision, previous: textOf(current) },
          },
        };
      },
    });
  }

  private amendmentFor(
    user: AuthenticatedUser,
    id: string,
    amendmentId: string,
    request: CreateAmendmentRequest,
  ): AmendmentRecord {
    const { votes } = this.recordOf(id);
    return {
      id: amendmentId,
      proposer: toPublicUser(user),
      status: 'proposed',
      title: request.title ?? null,
      summary: request.summary ?? null,
      partners: request.partners ?? null,
      answers: [...new Set(request.answersObjections)].map((voterId) => ({
        user: votes[voterId].user,
        position: votes[voterId].position as 'disagree' | 'block',
        wouldChange: votes[voterId].wouldChange ?? '',
      })),
      rationale: request.rationale,
      createdAt: new Date(),
      answeredAt: null,
      answerReason: null,
      revision: null,
      previous: null,
    };
  }

  /**
   * After adoption, a member of a confirmed partner records what their organisation commits (a moderator
   * records it for any confirmed partner: the first one unless they are a member of another).
   */
  async pledge(
    user: AuthenticatedUser,
    id: string,
    request: CreatePledgeRequest,
    language: RequestLanguage,
  ): Promise<{ pledge: Pledge; created: boolean }> {
    const pledgeId = (
      request.clientId ? deterministicId('pledge', user.id, request.clientId) : new Types.ObjectId()
    ).toHexString();
    let created = false;
    let partner: PartnerRecord | undefined;
    const initiative = await this.change(user, id, language, {
      decide: (current) => {
        const pledges = current.pledges ?? [];
        if (pledges.some((pledge) => pledge.id === pledgeId)) return false;
        partner = this.pledgingPartner(user, current);
        if (current.status !== 'adopted')
          throw new ConflictException(`Pledges are recorded once adopted; it is ${current.status}`);
        if (pledges.length >= PLEDGES_MAX)
          throw new ConflictException(`An initiative takes at most ${PLEDGES_MAX} pledges`);
      },
      from: 'adopted',
      update: () => {
        created = true;
        const record: PledgeRecord = {
          id: pledgeId,
          organization: partner?.organization ?? '',
          stakeholderGroup: partner?.stakeholderGroup ?? user.stakeholderGroup,
          kind: request.kind,
          description: request.description,
          amount: request.amount ?? null,
          owner: request.owner,
          dueDate: new Date(request.dueDate),
          status: request.status ?? 'planned',
          percent: request.status === 'done' ? 100 : 0,
          updates: [],
          createdBy: toPublicUser(user),
          createdAt: new Date(),
        };
        return { $push: { pledges: record } };
      },
    });
    const pledge = initiative.pledges.find((candidate) => candidate.id === pledgeId);
    if (!pledge) throw new NotFoundException('No such pledge');
    return { pledge, created };
  }

  /** A member of the pledging partner (or a moderator) reports progress: a percentage, a note, maybe a status. */
  progress(
    user: AuthenticatedUser,
    id: string,
    pledgeId: string,
    request: PledgeProgressRequest,
    language: RequestLanguage,
  ): Promise<Initiative> {
    let index = -1;
    return this.change(user, id, language, {
      decide: (current) => {
        index = (current.pledges ?? []).findIndex((pledge) => pledge.id === pledgeId);
        if (index < 0) throw new NotFoundException('No such pledge');
        const pledge = (current.pledges ?? [])[index];
        const own = partnerIndexOf(current.partners, user);
        const member = own >= 0 && current.partners[own].organization === pledge.organization;
        if (!member && !isModerator(user))
          throw new ForbiddenException('Only the pledging partner or a moderator reports its progress');
      },
      from: 'adopted',
      filter: () => ({ [`pledges.${index}.id`]: pledgeId }),
      update: () => {
        const pledge = (this.recordOf(id).pledges ?? [])[index];
        const status = request.status ?? (request.percent === 100 ? 'done' : 'in_progress');
        return {
          $set: {
            [`pledges.${index}`]: {
              ...pledge,
              percent: request.percent,
              status,
              updates: [
                ...pledge.updates,
                {
                  percent: request.percent,
                  note: request.note,
                  status,
                  by: toPublicUser(user),
                  at: new Date(),
                },
              ],
            },
          },
        };
      },
    });
  }

  /** The forum's overdue pledges, for its organizers: worked out from the read model now, no database scan. */
  overduePledges(forumId: string): Pledge[] {
    const now = new Date();
    return this.store
      .all()
      .filter((record) => this.store.forumIdOf(record) === forumId)
      .flatMap((record) =>
        (record.pledges ?? [])
          .filter((pledge) => isOverdue(pledge, now))
          .map((pledge) => toPledge(record._id.toHexString(), pledge, now)),
      )
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }

  /** The confirmed partner the person pledges for: their own; a moderator's own, else the proposer's. */
  private pledgingPartner(user: AuthenticatedUser, current: InitiativeRecord): PartnerRecord {
    const own = partnerIndexOf(current.partners, user);
    if (own >= 0 && current.partners[own].status === 'confirmed') return current.partners[own];
    if (isModerator(user)) return current.partners[0];
    throw new ForbiddenException('Only a member of a confirmed partner, or a moderator, records a pledge');
  }

  async get(user: AuthenticatedUser, id: string, language: RequestLanguage): Promise<Initiative> {
    await this.store.find(id);
    return this.viewFor(id, user.id, language);
  }

  list(user: AuthenticatedUser, query: ListInitiativesQuery, language: RequestLanguage): Initiative[] {
    const forumId = query.forumId ?? this.forums.liveForum()?._id.toHexString();
    return this.store
      .all()
      .filter(
        (record) =>
          this.store.forumIdOf(record) === forumId &&
          record.status !== 'withdrawn' &&
          (!query.status || record.status === query.status) &&
          (!query.roomId || record.roomId === query.roomId) &&
          (!query.group ||
            record.partners.some(
              (partner) => partner.status === 'confirmed' && partner.stakeholderGroup === query.group,
            )),
      )
      .slice(0, 500)
      .map((record) => this.store.viewAs(record, user.id, language));
  }

  /** An initiative a projector may show, in any room: any that is past its draft (never a withdrawn one). */
  requireShowable(id: string): void {
    const { status } = this.recordOf(id);
    if (status === 'draft') throw new ConflictException('A draft initiative cannot be shown yet');
    if (status === 'withdrawn') throw new ConflictException('A withdrawn initiative cannot be shown');
  }

  voteHistory(id: string): VoteHistoryEntry[] {
    return this.recordOf(id).history.map((entry) => ({
      user: entry.user,
      position: entry.position,
      reason: entry.reason,
      at: entry.at.toISOString(),
    }));
  }

  /** Adopted initiatives with their frozen tallies, for the end-of-forum outcome. */
  adopted(language: RequestLanguage): Initiative[] {
    return this.store
      .all()
      .filter((record) => record.status === 'adopted')
      .sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0))
      .map((record) => this.store.viewAs(record, null, language));
  }

  /** Freezes the votes, then closes with their verdict, if voting is still open. */
  private async closeVoting(id: string, closedBy: string): Promise<InitiativeRecord | null> {
    const votes = await this.store.votes.freeze(id);
    const verdict = evaluateConsensus(this.recordOf(id).rule, Object.values(votes));
    return this.write(
      { _id: id, status: 'voting' },
      {
        $set: {
          status: verdict.reached ? 'adopted' : 'rejected',
          outcome: { reached: verdict.reached, conditions: verdict.conditions, tally: verdict.tally },
          closedAt: new Date(),
          closedBy,
        },
      },
    );
  }

  /**
   * A person deleted their account: wherever the initiative names them (its proposer, a partner's answer, an
   * amendment, a pledge, their votes and objections), it names `former` instead. Tallies and text stay as
   * they were; one event tells every screen and instance.
   */
  async renameFormer(person: AuthenticatedUser, id: string, former: PublicUser): Promise<void> {
    const rename = <T>(value: T): T => renamePerson(value, person.id, former);
    let renamed: Partial<InitiativeRecord> = {};
    let version = 0;
    await this.change(person, id, 'en', {
      decide: (current) => {
        const { votes, history, ...record } = current;
        renamed = Object.fromEntries(
          Object.entries(record).flatMap(([key, value]) => {
            const next = rename(value);
            return next === value ? [] : [[key, next]];
          }),
        );
        version = record.version;
        return Object.keys(renamed).length > 0 || rename(votes) !== votes || rename(history) !== history;
      },
      filter: () => ({ version }),
      before: () => this.store.votes.rewrite(id, person.id, rename),
      update: () => (Object.keys(renamed).length ? { $set: renamed } : {}),
      actorId: SYSTEM,
    });
  }

  /**
   * Changes an initiative in its log's queue: decided against the read model, recorded as an event, then
   * written with the expected status in the filter.
   */
  private async change(
    user: AuthenticatedUser | null,
    id: string,
    language: RequestLanguage,
    step: {
      /** Throws to refuse; answers false when nothing would change (no event, nothing written). */
      decide: (current: InitiativeWithVotes) => boolean | void;
      from?: InitiativeRecord['status'];
      /** More of the document the write expects to find as it was decided on. */
      filter?: () => Record<string, unknown>;
      update?: () => UpdateQuery<InitiativeRecord>;
      /** Runs before the write, once the change is decided. */
      before?: () => Promise<void>;
      write?: () => Promise<InitiativeRecord | null>;
      actorId?: string;
      /** The moderation log entry of a room's initiative changed by a person (not the timer). */
      logged?: ModerationAction;
      /** What that entry keeps besides the initiative's id. */
      loggedDetail?: () => string;
    },
  ): Promise<Initiative> {
    await this.store.find(id);
    const known = this.recordOf(id);
    return this.log.record(this.channelOf(known), () => {
      const current = this.recordOf(id);
      if (step.decide(current) === false)
        return { event: null, result: () => this.viewFor(id, user?.id ?? null, language) };
      return {
        event: { type: 'initiative.updated', subjectId: id, actorId: step.actorId ?? user?.id ?? SYSTEM },
        commit: async (seq) => {
          await step.before?.();
          const written = step.write
            ? await step.write()
            : await this.write(
                { _id: id, ...(step.from ? { status: step.from } : {}), ...step.filter?.() },
                step.update?.() ?? {},
              );
          if (!written) {
            await this.store.reload(id);
            step.decide(this.recordOf(id));
            throw new ConflictException('The initiative was changed meanwhile; look again');
          }
          this.store.put(written);
          if (step.logged && user && known.roomId)
            await this.moderationLog.record(user, known.roomId, seq, [
              { action: step.logged, subjectId: id, detail: step.loggedDetail?.() },
            ]);
        },
        result: () => this.viewFor(id, user?.id ?? null, language),
      };
    });
  }

  private write(
    filter: Record<string, unknown>,
    update: UpdateQuery<InitiativeRecord>,
  ): Promise<InitiativeRecord | null> {
    return this.initiatives
      .findOneAndUpdate(filter, { ...update, $inc: { version: 1 } }, { new: true })
      .lean<InitiativeRecord>()
      .exec();
  }

  private viewFor(id: string, viewerId: string | null, language: RequestLanguage): Initiative {
    return this.store.viewAs(this.recordOf(id), viewerId, language);
  }

  private recordOf(id: string): InitiativeWithVotes {
    const record = this.store.get(id);
    if (!record) throw new NotFoundException('No such initiative');
    return record;
  }
}
