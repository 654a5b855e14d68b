import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Which account an email belongs to, keyed by the email: signing in finds the account by two `_id`
 * look-ups (docs/adr/0001-forum-scale.md) where a filter on `users.email` would make FerretDB scan every
 * account, and the `_id` makes an email unique on its own.
 */
@Schema({ collection: 'user_emails', versionKey: false })
export class UserEmailRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  userId!: string;
}

export const UserEmailSchema = SchemaFactory.createForClass(UserEmailRecord);
