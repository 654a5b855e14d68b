import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { VOTE_POSITIONS, type PublicUser, type StakeholderGroup, type VotePosition } from '@helix/contract';
import type { Types } from 'mongoose';

/** A participant's current vote: one per person and initiative (unique index), replaced on change. */
@Schema({ collection: 'initiative_votes', versionKey: false })
export class InitiativeVoteRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  initiativeId!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ type: Object, required: true })
  user!: PublicUser;

  @Prop({ type: String, required: true })
  group!: StakeholderGroup;

  @Prop({ type: String, required: true, enum: VOTE_POSITIONS })
  position!: VotePosition;

  @Prop({ type: String, default: null })
  reason!: string | null;

  @Prop({ required: true })
  at!: Date;
}

export const InitiativeVoteSchema = SchemaFactory.createForClass(InitiativeVoteRecord);
InitiativeVoteSchema.index({ initiativeId: 1, userId: 1 }, { unique: true });

/** Every vote ever cast, append-only: who changed what, when (moderators can read it). */
@Schema({ collection: 'initiative_vote_history', versionKey: false })
export class InitiativeVoteHistoryRecord extends InitiativeVoteRecord {}

export const InitiativeVoteHistorySchema = SchemaFactory.createForClass(InitiativeVoteHistoryRecord);
InitiativeVoteHistorySchema.index({ initiativeId: 1, at: 1 });
