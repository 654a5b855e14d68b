import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Author, MessageAttachment } from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * A message as it is now (its events in the room log only point at it). Its `_id` is derived from its
 * author and their `clientId`, so a re-sent message finds the stored one by `_id`; `version` rises with
 * every change, so a reader that sees two states keeps the newer.
 */
@Schema({ collection: 'messages', versionKey: false })
export class MessageRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  threadId!: string;

  /** The seq of the message's `message.created` event. */
  @Prop({ required: true })
  seq!: number;

  @Prop({ required: true })
  clientId!: string;

  @Prop({ required: true })
  authorId!: string;

  /** A person as they signed it, or Helix (`system`) for what it posts itself. */
  @Prop({ type: Object, required: true })
  author!: Author;

  @Prop({ type: String, default: '' })
  text!: string;

  /** What Helix posted in place of text (a closed poll's result); null for people's messages. */
  @Prop({ type: Object, default: null })
  attachment!: MessageAttachment | null;

  @Prop({ type: String, default: null })
  replyTo!: string | null;

  /** The people the text's mention tokens name, as accepted when it was sent or last edited. */
  @Prop({ type: [String], default: [] })
  mentions!: string[];

  /** Who reacted with each emoji. */
  @Prop({ type: Object, default: {} })
  reactions!: Record<string, string[]>;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ type: Date, default: null })
  editedAt!: Date | null;

  @Prop({ default: false })
  deleted!: boolean;

  @Prop({ type: Object, default: null })
  hidden!: { reason: string; at: Date } | null;

  @Prop({ required: true })
  version!: number;
}

export const MessageSchema = SchemaFactory.createForClass(MessageRecord);
