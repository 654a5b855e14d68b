import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ConsensusRule, ConsensusResult } from '@helix/consensus';
import { INITIATIVE_STATUSES, type InitiativeStatus, type Partner, type PublicUser } from '@helix/contract';
import type { Types } from 'mongoose';

export interface InitiativeSource {
  roomId: string;
  threadId: string;
  messageId: string;
}

@Schema({ collection: 'initiatives', versionKey: false })
export class InitiativeRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  summary!: string;

  @Prop({ type: String, default: null })
  roomId!: string | null;

  @Prop({ type: Object, required: true })
  proposer!: PublicUser;

  @Prop({ type: [Object], required: true })
  partners!: Partner[];

  @Prop({ type: String, required: true, enum: INITIATIVE_STATUSES })
  status!: InitiativeStatus;

  @Prop({ type: Object, required: true })
  rule!: ConsensusRule;

  @Prop({ type: Date, default: null })
  closesAt!: Date | null;

  @Prop({ type: Date, default: null })
  openedAt!: Date | null;

  @Prop({ type: Date, default: null })
  closedAt!: Date | null;

  /** The tally and verdict at closing, frozen: later reads never recount. */
  @Prop({ type: Object, default: null })
  outcome!: Pick<ConsensusResult, 'reached' | 'conditions' | 'tally'> | null;

  @Prop({ type: Object, default: null })
  source!: InitiativeSource | null;

  @Prop({ required: true })
  createdAt!: Date;
}

export const InitiativeSchema = SchemaFactory.createForClass(InitiativeRecord);
InitiativeSchema.index({ status: 1, closesAt: 1 });
InitiativeSchema.index({ roomId: 1, createdAt: -1 });
