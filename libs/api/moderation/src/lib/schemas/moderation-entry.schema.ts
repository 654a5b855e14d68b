import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MODERATION_ACTIONS, type ModerationAction, type PublicUser } from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * Append-only: moderators answer for what they hid or changed. An entry belongs to the room event its action
 * made: its `_id` is derived from that event's room and seq and the action's place among the event's
 * entries, so another instance that applies the event reads its entries by `_id`.
 */
@Schema({ collection: 'moderation_log', versionKey: false })
export class ModerationEntryRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  /** The seq of the room event the action made. */
  @Prop({ required: true })
  seq!: number;

  /** The action's place among the entries of that event. */
  @Prop({ required: true })
  index!: number;

  @Prop({ type: String, required: true, enum: MODERATION_ACTIONS })
  action!: ModerationAction;

  @Prop({ type: Object, required: true })
  moderator!: PublicUser;

  @Prop({ type: String, default: null })
  subjectId!: string | null;

  @Prop({ type: String, default: null })
  reason!: string | null;

  @Prop({ type: String, default: null })
  detail!: string | null;

  @Prop({ required: true })
  at!: Date;
}

export const ModerationEntrySchema = SchemaFactory.createForClass(ModerationEntryRecord);
