import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROOM_EVENT_TYPES, type RoomEventType } from '@helix/contract';
import { Types } from 'mongoose';

/**
 * One entry of a room's log. `seq` rises by exactly one per event in a room; the unique index on
 * (roomId, seq) is what makes that hold with several writers and several API instances.
 *
 * An event that creates a subject (a message) *is* that subject's document: its `_id` is the subject's
 * id and `payload` holds its current state, so posting a message is a single insert.
 */
@Schema({ collection: 'room_events', versionKey: false })
export class RoomEventRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  seq!: number;

  @Prop({ type: String, required: true, enum: ROOM_EVENT_TYPES })
  type!: RoomEventType;

  @Prop({ required: true })
  at!: Date;

  /** Who caused the event; with `clientId` it makes client retries idempotent. */
  @Prop({ required: true })
  actorId!: string;

  @Prop({ required: true })
  clientId!: string;

  /** The thread an event belongs to, when it belongs to one; kept top-level so queries can use an index. */
  @Prop()
  threadId?: string;

  /** The id of what the event is about (a message, a thread, a poll). */
  @Prop()
  subjectId?: string;

  @Prop({ type: Object, required: true })
  payload!: Record<string, unknown>;
}

export const RoomEventSchema = SchemaFactory.createForClass(RoomEventRecord);
RoomEventSchema.index({ roomId: 1, seq: 1 }, { unique: true });
RoomEventSchema.index({ actorId: 1, clientId: 1 }, { unique: true });
RoomEventSchema.index({ roomId: 1, threadId: 1, type: 1, seq: -1 });
RoomEventSchema.index({ subjectId: 1 });
