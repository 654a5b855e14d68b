import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const LINK_PURPOSES = ['password-reset', 'sign-in'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/** The token of an e-mailed link, stored as its SHA-256 hash (the `_id`), never the token itself. */
@Schema({ collection: 'link_tokens', versionKey: false })
export class LinkTokenRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: LINK_PURPOSES })
  purpose!: LinkPurpose;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  expiresAt!: Date;
}

export const LinkTokenSchema = SchemaFactory.createForClass(LinkTokenRecord);

/**
 * A used link token, by the same hash: inserting it is what uses the token, and an insert with a unique
 * `_id` is atomic where FerretDB's conditional updates are not, so two clicks on one link sign in once.
 */
@Schema({ collection: 'link_token_uses', versionKey: false })
export class LinkTokenUseRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  usedAt!: Date;
}

export const LinkTokenUseSchema = SchemaFactory.createForClass(LinkTokenUseRecord);
