import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  GROUP_CHANGE_STATUSES,
  STAKEHOLDER_GROUPS,
  type GroupChangeStatus,
  type StakeholderGroup,
} from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * A person's request to move to another stakeholder group, and what an organizer decided: the log of who
 * moved whom. Its `_id` is derived from the person and their `clientId` when they gave one, so a re-sent
 * request finds the stored one by `_id`.
 */
@Schema({ collection: 'group_changes', versionKey: false })
export class GroupChangeRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  userId!: string;

  @Prop({ type: String, enum: STAKEHOLDER_GROUPS, required: true })
  from!: StakeholderGroup;

  @Prop({ type: String, enum: STAKEHOLDER_GROUPS, required: true })
  to!: StakeholderGroup;

  @Prop({ type: String, default: '' })
  reason!: string;

  @Prop({ type: String, enum: GROUP_CHANGE_STATUSES, required: true })
  status!: GroupChangeStatus;

  @Prop({ required: true })
  requestedAt!: Date;

  @Prop({ type: Date, default: null })
  decidedAt!: Date | null;

  @Prop({ type: Object, default: null })
  decidedBy!: { id: string; displayName: string } | null;
}

export const GroupChangeSchema = SchemaFactory.createForClass(GroupChangeRecord);
