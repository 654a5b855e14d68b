import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One sign-in (one device), from its first refresh token to its end: its `_id` is the access tokens' `sid`. */
@Schema({ collection: 'sessions', versionKey: false })
export class SessionRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  createdAt!: Date;

  /** Set when the session ends: a sign-out, a reused token, a password change. */
  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;
}

export const SessionSchema = SchemaFactory.createForClass(SessionRecord);
SessionSchema.index({ userId: 1 });
