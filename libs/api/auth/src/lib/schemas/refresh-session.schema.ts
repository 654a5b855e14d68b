import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/**
 * One refresh token. Tokens of one sign-in form a chain (`familyId`); each refresh adds the next token,
 * whose `parentHash` is the hash of the token it replaced. The unique index on `parentHash` lets only one
 * refresh of a token succeed, even with concurrent requests on several instances (an insert is atomic
 * where FerretDB's conditional updates are not). Presenting a token that already has a successor means
 * it leaked, so the whole chain is revoked. Only SHA-256 hashes of tokens are stored.
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

  /** The hash of the token this one replaced, or `family:<familyId>` for the first of a chain. */
  @Prop({ required: true })
  parentHash!: string;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;
}

export const RefreshSessionSchema = SchemaFactory.createForClass(RefreshSessionRecord);
RefreshSessionSchema.index({ tokenHash: 1 }, { unique: true });
RefreshSessionSchema.index({ parentHash: 1 }, { unique: true });
RefreshSessionSchema.index({ familyId: 1 });
