import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PublicUser } from '@helix/contract';
import type { Types } from 'mongoose';

/** Counts and last activity are derived from the room log when threads are listed, never stored. */
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

  /** Absent from threads stored before threads could be resolved: those read as not resolved. */
  @Prop({ default: false })
  resolved!: boolean;

  @Prop({ required: true })
  createdAt!: Date;
}

export const ThreadSchema = SchemaFactory.createForClass(ThreadRecord);
ThreadSchema.index({ roomId: 1, createdAt: -1 });
