import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { BallotBox, ReadModel, type BallotBucket } from '@helix/api/core';
import { ForumsStore } from '@helix/api/forums';
import { Metrics } from '@helix/api/observability';
import { SearchIndex } from '@helix/api/search';
import { RoomSubjects, type RoomEventPayload, type RoomSubjectSource } from '@helix/api/realtime';
import type { ConsensusResult, ConsensusRule } from '@helix/consensus';
import type { Initiative } from '@helix/contract';
import type { Model } from 'mongoose';
import { ConsensusRuleService } from './consensus-rule.service';
import { toInitiative, verdictOf } from './initiative-view';
import { withPartnerAnswers } from './partners';
import {
  INITIATIVE_VOTES,
  InitiativeRecord,
  type InitiativeVote,
  type InitiativeWithVotes,
} from './schemas/initiative.schema';

type Verdict = Pick<ConsensusResult, 'reached' | 'conditions' | 'tally'>;

interface InitiativeState {
  record: InitiativeRecord;
  /**
   * `record` with the votes it was put together with, and its verdict once evaluated (not for a draft, whose
   * rule may change).
   */
  joined?: { initiative: InitiativeWithVotes; verdict?: Verdict };
}

/** Every initiative with its votes, in memory (docs/adr/0001-forum-scale.md). */
@Injectable()
export class InitiativesStore extends ReadModel implements RoomSubjectSource {
  private readonly initiatives = new Map<string, InitiativeState>();
  readonly votes: BallotBox<InitiativeVote>;

  constructor(
    @InjectModel(InitiativeRecord.name) private readonly model: Model<InitiativeRecord>,
    @InjectModel(INITIATIVE_VOTES) votes: Model<BallotBucket<InitiativeVote>>,
    private readonly forums: ForumsStore,
    private readonly search: SearchIndex,
    private readonly consensusRule: ConsensusRuleService,
    subjects: RoomSubjects,
    metrics: Metrics,
  ) {
    super();
    this.votes = new BallotBox(votes, true);
    subjects.register(['initiative.updated'], this);
    metrics.sample('helix_initiatives_open', () => {
      let open = 0;
      for (const { record } of this.initiatives.values()) if (record.status === 'voting') open += 1;
      return open;
    });
  }

  get(id: string): InitiativeWithVotes | undefined {
    const state = this.initiatives.get(id);
    return state && this.joinedOf(id, state).initiative;
  }

  /** The initiative, read by `_id` when this instance has not heard of it yet (made a moment ago on another). */
  async find(id: string): Promise<InitiativeWithVotes | undefined> {
    if (!this.initiatives.has(id)) await this.reload(id);
    return this.get(id);
  }

  /** Every initiative, newest first. */
  all(): InitiativeWithVotes[] {
    return [...this.initiatives.keys()]
      .map((id) => this.get(id))
      .filter((record) => record !== undefined)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  /** Applies a stored state, unless a newer one is already here. */
  put(stored: InitiativeRecord): void {
    const id = stored._id.toHexString();
    const existing = this.initiatives.get(id);
    if (existing && existing.record.version >= stored.version) return;
    const record = withPartnerAnswers(stored);
    this.initiatives.set(id, { record });
    // A draft is its proposer's until voting opens; a withdrawn one is nobody's to find.
    if (record.status === 'draft' || record.status === 'withdrawn') this.search.remove('initiative', id);
    else
      this.search.put({
        kind: 'initiative',
        id,
        roomId: record.roomId,
        forumId: record.forumId,
        threadId: null,
        title: record.title,
        text: record.summary,
        at: record.createdAt.toISOString(),
      });
  }

  /** The rule an initiative is decided by: its own once voting opened; for a draft, the forum's minimum now. */
  ruleOf(record: InitiativeRecord): ConsensusRule {
    return record.status === 'draft' ? this.consensusRule.minimum(this.forumIdOf(record)) : record.rule;
  }

  viewAs(record: InitiativeWithVotes, viewerId: string | null, language: 'en' | 'ru'): Initiative {
    const rule = this.ruleOf(record);
    const joined = this.initiatives.get(record._id.toHexString())?.joined;
    const cached = joined?.initiative === record && record.status !== 'draft';
    const verdict = cached ? (joined.verdict ??= verdictOf(record, rule)) : verdictOf(record, rule);
    return toInitiative({ ...record, forumId: this.forumIdOf(record) }, rule, verdict, viewerId, language);
  }

  /** The forum an initiative belongs to (one stored before forums: its room's, else the oldest forum). */
  forumIdOf(record: Pick<InitiativeRecord, 'forumId' | 'roomId'>): string {
    const roomForum = record.roomId ? this.forums.room(record.roomId)?.forumId : undefined;
    return record.forumId ?? roomForum ?? this.forums.forums().at(-1)?._id.toHexString() ?? '';
  }

  view(_type: unknown, id: string): RoomEventPayload | null {
    const record = this.get(id);
    return record ? this.viewAs(record, null, 'en') : null;
  }

  async reload(id: string): Promise<void> {
    const [record] = await Promise.all([
      this.model.findById(id).lean<InitiativeRecord>().exec(),
      this.votes.reload(id),
    ]);
    if (record) this.put(record);
  }

  protected async load(): Promise<void> {
    const initiatives = async () => {
      for await (const record of this.model.find().lean<InitiativeRecord>().cursor({ batchSize: 100 }))
        this.put(record);
    };
    await Promise.all([initiatives(), this.votes.load()]);
  }

  /** The initiative joined with its current votes, again only when either changed. */
  private joinedOf(id: string, state: InitiativeState): NonNullable<InitiativeState['joined']> {
    const votes = this.votes.ballotsOf(id);
    if (state.joined?.initiative.votes !== votes)
      state.joined = { initiative: { ...state.record, votes, history: this.votes.historyOf(id) } };
    return state.joined;
  }
}
