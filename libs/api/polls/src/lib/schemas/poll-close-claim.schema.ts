import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * That an instance is closing a poll: `_id` is the poll's, so of two moderators closing it on two instances
 * at once, the first insert wins and the other close is refused. An insert is atomic on both databases, where
 * FerretDB's conditional update (`status: 'open'`) let both closes through.
 */
@Schema({ collection: 'poll_close_claims', versionKey: false })
export class PollCloseClaimRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  at!: Date;
}

export const PollCloseClaimSchema = SchemaFactory.createForClass(PollCloseClaimRecord);
