import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/**
 * One refresh token. Tokens of one sign-in form a family (`familyId`); each refresh marks its token
 * used and adds the next. Presenting a used token again means it leaked, so the family is revoked.
 * Only a SHA-256 of the token is stored.
 */
@Schema({ collection: 'refresh_sessions', versionKey: false })
export class RefreshSessionRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  tokenHash!: string;

  @Prop({ required: true })
  familyId!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  expiresAt!: Date;

  @Prop({ type: Date, default: null })
  usedAt!: Date | null;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;
}

export const RefreshSessionSchema = SchemaFactory.createForClass(RefreshSessionRecord);
RefreshSessionSchema.index({ tokenHash: 1 }, { unique: true });
RefreshSessionSchema.index({ familyId: 1 });
