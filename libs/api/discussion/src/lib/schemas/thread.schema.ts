import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PublicUser } from '@helix/contract';
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
  createdBy!: PublicUser;

  @Prop({ default: false })
  pinned!: boolean;

  @Prop({ default: false })
  locked!: boolean;

  @Prop({ default: false })
  resolved!: boolean;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  version!: number;
}

export const ThreadSchema = SchemaFactory.createForClass(ThreadRecord);
