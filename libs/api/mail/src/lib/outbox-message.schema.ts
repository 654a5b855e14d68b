import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A message kept instead of sent (no SMTP_URL): its `_id` is a random UUID. */
@Schema({ collection: 'outbox_messages', versionKey: false })
export class OutboxMessageRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  to!: string;

  @Prop({ required: true })
  subject!: string;

  @Prop({ required: true })
  text!: string;

  @Prop({ required: true })
  html!: string;

  @Prop({ required: true })
  createdAt!: Date;
}

export const OutboxMessageSchema = SchemaFactory.createForClass(OutboxMessageRecord);
