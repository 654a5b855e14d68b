import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { MODERATION_ACTIONS, type ModerationAction, type PublicUser } from '@helix/contract';
import type { Types } from 'mongoose';

/** Append-only: moderators answer for what they hid or changed. */
@Schema({ collection: 'moderation_log', versionKey: false })
export class ModerationEntryRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

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
ModerationEntrySchema.index({ roomId: 1, at: -1 });
