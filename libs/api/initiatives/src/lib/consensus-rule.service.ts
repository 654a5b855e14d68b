import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel, toPublicUser, type AuthenticatedUser, type RequestLanguage } from '@helix/api/core';
import { FORUM_CHANNEL, RoomEventLog, RoomSubjects, type RoomSubjectSource } from '@helix/api/realtime';
import {
  DEFAULT_CONSENSUS_RULE,
  describeRule,
  loosenings,
  type ConsensusRule,
  type Loosening,
} from '@helix/consensus';
import type { ConsensusRuleSettings, UpdateConsensusRuleRequest } from '@helix/contract';
import type { Model } from 'mongoose';
import { ConsensusRuleRecord, FORUM_CONSENSUS_RULE_ID } from './schemas/consensus-rule.schema';

const bound = (value: number): number => Number(value.toFixed(4));

const tooLoose = (loose: Loosening): string =>
  'atLeast' in loose
    ? `${loose.field} ${bound(loose.value)} is below the forum minimum of ${bound(loose.atLeast)}`
    : `${loose.field} ${loose.value} is above the forum maximum of ${loose.atMost}`;

/**
 * The forum's minimum consensus rule (moderators set it): voting opens with it unless a stricter rule is asked
 * for, and never with a looser one. It belongs to no room, so its changes go through the forum's log and reach
 * every instance's copy.
 */
@Injectable()
export class ConsensusRuleService extends ReadModel implements RoomSubjectSource {
  private current: ConsensusRuleRecord | null = null;

  constructor(
    @InjectModel(ConsensusRuleRecord.name) private readonly model: Model<ConsensusRuleRecord>,
    private readonly log: RoomEventLog,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.register(['consensus-rule.updated'], this);
  }

  /** The loosest rule voting may open with now. */
  minimum(): ConsensusRule {
    return this.current?.minimum ?? DEFAULT_CONSENSUS_RULE;
  }

  settings(language: RequestLanguage): ConsensusRuleSettings {
    return {
      minimum: this.minimum(),
      minimumText: describeRule(this.minimum(), language),
      updatedAt: this.current?.updatedAt.toISOString() ?? null,
      updatedBy: this.current?.updatedBy ?? null,
    };
  }

  update(
    moderator: AuthenticatedUser,
    changes: UpdateConsensusRuleRequest,
    language: RequestLanguage,
  ): Promise<ConsensusRuleSettings> {
    return this.log.record(FORUM_CHANNEL, () => {
      const before = this.minimum();
      const minimum = { ...before, ...changes };
      if ((Object.keys(minimum) as Array<keyof ConsensusRule>).every((key) => minimum[key] === before[key]))
        return { event: null, result: () => this.settings(language) };
      const record: ConsensusRuleRecord = {
        _id: FORUM_CONSENSUS_RULE_ID,
        minimum,
        updatedAt: new Date(),
        updatedBy: toPublicUser(moderator),
        version: (this.current?.version ?? 0) + 1,
      };
      return {
        event: { type: 'consensus-rule.updated', subjectId: FORUM_CONSENSUS_RULE_ID, actorId: moderator.id },
        commit: async () => {
          await this.model.replaceOne({ _id: FORUM_CONSENSUS_RULE_ID }, record, { upsert: true }).exec();
          this.put(record);
        },
        result: () => this.settings(language),
      };
    });
  }

  /** Refuses (400) a rule looser than the forum's minimum, naming each field that is. */
  requireAtLeastMinimum(rule: ConsensusRule): void {
    const loose = loosenings(rule, this.minimum());
    if (loose.length) throw new BadRequestException(loose.map(tooLoose));
  }

  view(): ConsensusRuleSettings {
    return this.settings('en');
  }

  async reload(): Promise<void> {
    const record = await this.model.findById(FORUM_CONSENSUS_RULE_ID).lean<ConsensusRuleRecord>().exec();
    if (record) this.put(record);
  }

  protected load(): Promise<void> {
    return this.reload();
  }

  private put(record: ConsensusRuleRecord): void {
    if (!this.current || record.version > this.current.version) this.current = record;
  }
}
