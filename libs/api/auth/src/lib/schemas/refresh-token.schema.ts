import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One refresh token, stored as the SHA-256 hash of the token (its `_id`), never the token. Tokens of one sign-in
 * form a chain (their session); each refresh adds the next token, whose `parentHash` is the hash of the token
 * it replaced. The unique index on `parentHash` lets only one refresh of a token succeed, even with concurrent
 * requests on several instances (an insert is atomic where FerretDB's conditional updates are not).
 */
@Schema({ collection: 'refresh_tokens', versionKey: false })
export class RefreshTokenRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  sessionId!: string;

  @Prop({ required: true })
  userId!: string;

  /** The hash of the token this one replaced (`#grace` appended for a second one), or `session:<id>` for the first. */
  @Prop({ required: true })
  parentHash!: string;

  /** Set once this token has been exchanged: the hash of the token that replaced it. */
  @Prop({ type: String, default: null })
  successorHash!: string | null;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  expiresAt!: Date;
}

export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshTokenRecord);
RefreshTokenSchema.index({ parentHash: 1 }, { unique: true });
