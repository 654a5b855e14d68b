import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * One participant's current choice in one poll; the unique (pollId, userId) index makes it one ballot
 * per person whatever the interleaving. Results are always counted from these documents.
 */
@Schema({ collection: 'poll_ballots', versionKey: false })
export class BallotRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  pollId!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ type: String, required: true, enum: STAKEHOLDER_GROUPS })
  group!: StakeholderGroup;

  @Prop({ type: [String], required: true })
  optionIds!: string[];

  @Prop({ required: true })
  updatedAt!: Date;
}

export const BallotSchema = SchemaFactory.createForClass(BallotRecord);
BallotSchema.index({ pollId: 1, userId: 1 }, { unique: true });
