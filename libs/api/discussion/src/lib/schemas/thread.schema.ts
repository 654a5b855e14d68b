import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Author } from '@helix/contract';
import type { Types } from 'mongoose';

/** A thread's own state; its message count and last activity come from the read model of its messages. */
@Schema({ collection: 'threads', versionKey: false })
export class ThreadRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  title!: string;

  @Prop({ type: Object, required: true })
  createdBy!: Author;

  @Prop({ default: false })
  pinned!: boolean;

  @Prop({ default: false })
  locked!: boolean;

  @Prop({ default: false })
  resolved!: boolean;

  @Prop({ default: false })
  deleted!: boolean;

  /** The creator's key, when they gave one: the `_id` is derived from it (see ThreadsService.create). */
  @Prop({ type: String, default: null })
  clientId!: string | null;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  version!: number;
}

export const ThreadSchema = SchemaFactory.createForClass(ThreadRecord);
