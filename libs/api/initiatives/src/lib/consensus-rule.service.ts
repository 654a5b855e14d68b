import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel, toPublicUser, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import { ForumsStore } from '@helix/api/forums';
import { forumChannel, RoomEventLog, RoomSubjects, type RoomSubjectSource } from '@helix/api/realtime';
import {
  DEFAULT_CONSENSUS_RULE,
  describeRule,
  loosenings,
  type ConsensusRule,
  type Loosening,
} from '@helix/consensus';
import type { ConsensusRuleSettings, UpdateConsensusRuleRequest } from '@helix/contract';
import type { Model } from 'mongoose';
import { ConsensusRuleRecord } from './schemas/consensus-rule.schema';

const bound = (value: number): number => Number(value.toFixed(4));

const tooLoose = (loose: Loosening): string =>
  'atLeast' in loose
    ? `${loose.field} ${bound(loose.value)} is below the forum minimum of ${bound(loose.atLeast)}`
    : `${loose.field} ${loose.value} is above the forum maximum of ${loose.atMost}`;

/**
 * Each forum's minimum consensus rule (moderators set it): voting opens with it unless a stricter rule is asked
 * for, and never with a looser one. It belongs to no room, so its changes go through the forum's channel of
 * the log and reach every instance's copy. Its document's `_id` is the forum's.
 */
@Injectable()
export class ConsensusRuleService extends ReadModel implements RoomSubjectSource {
  private readonly rules = new Map<string, ConsensusRuleRecord>();

  constructor(
    @InjectModel(ConsensusRuleRecord.name) private readonly model: Model<ConsensusRuleRecord>,
    private readonly log: RoomEventLog,
    private readonly forums: ForumsStore,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.register(['consensus-rule.updated'], this);
  }

  /** The forum asked about: the one named, or the live one. */
  forumOf(forumId: string | undefined): string {
    const id = forumId ?? this.forums.liveForum()?._id.toHexString();
    if (!id || !this.forums.forum(id)) throw new NotFoundException('No such forum');
    return id;
  }

  /** The loosest rule voting may open with now in the forum. */
  minimum(forumId: string): ConsensusRule {
    return this.rules.get(forumId)?.minimum ?? DEFAULT_CONSENSUS_RULE;
  }

  settings(forumId: string, language: RequestLanguage): ConsensusRuleSettings {
    const current = this.rules.get(forumId);
    return {
      minimum: this.minimum(forumId),
      minimumText: describeRule(this.minimum(forumId), language),
      updatedAt: current?.updatedAt.toISOString() ?? null,
      updatedBy: current?.updatedBy ?? null,
    };
  }

  update(
    moderator: AuthenticatedUser,
    forumId: string,
    changes: UpdateConsensusRuleRequest,
    language: RequestLanguage,
  ): Promise<ConsensusRuleSettings> {
    return this.log.record(forumChannel(forumId), () => {
      const before = this.minimum(forumId);
      const minimum = { ...before, ...changes };
      if ((Object.keys(minimum) as Array<keyof ConsensusRule>).every((key) => minimum[key] === before[key]))
        return { event: null, result: () => this.settings(forumId, language) };
      const record: ConsensusRuleRecord = {
        _id: forumId,
        minimum,
        updatedAt: new Date(),
        updatedBy: toPublicUser(moderator),
        version: (this.rules.get(forumId)?.version ?? 0) + 1,
      };
      return {
        event: { type: 'consensus-rule.updated', subjectId: forumId, actorId: moderator.id },
        commit: async () => {
          await this.model.replaceOne({ _id: forumId }, record, { upsert: true }).exec();
          this.put(record);
        },
        result: () => this.settings(forumId, language),
      };
    });
  }

  /** Refuses (400) a rule looser than the forum's minimum, naming each field that is. */
  requireAtLeastMinimum(forumId: string, rule: ConsensusRule): void {
    const loose = loosenings(rule, this.minimum(forumId));
    if (loose.length) throw new BadRequestException(loose.map(tooLoose));
  }

  view(_type: unknown, forumId: string): ConsensusRuleSettings {
    return this.settings(forumId, 'en');
  }

  async reload(forumId: string): Promise<void> {
    const record = await this.model.findById(forumId).lean<ConsensusRuleRecord>().exec();
    if (record) this.put(record);
  }

  protected async load(): Promise<void> {
    for (const record of await this.model.find().lean<ConsensusRuleRecord[]>().exec()) this.put(record);
  }

  private put(record: ConsensusRuleRecord): void {
    const current = this.rules.get(record._id);
    if (!current || record.version > current.version) this.rules.set(record._id, record);
  }
}
