import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROOM_EVENT_TYPES, type RoomEventType } from '@helix/contract';

/** The `_id` of a room's event: its room and its place in the room, so the next one is an `_id` look-up. */
export const roomEventId = (roomId: string, seq: number): string => `${roomId}:${seq}`;

/**
 * One entry of a room's log: what happened to which subject, in which order. Append-only and without
 * content: what members see is built from the subject's current state when the event is sent (see
 * docs/adr/0001-forum-scale.md), so an edit or a hide never has to rewrite an event. `seq` rises by
 * exactly one per event in a room; the unique `_id` makes that hold with several instances writing.
 */
@Schema({ collection: 'room_events', versionKey: false })
export class RoomEventRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ required: true })
  seq!: number;

  @Prop({ type: String, required: true, enum: ROOM_EVENT_TYPES })
  type!: RoomEventType;

  /** What the event is about: a message, a thread, a poll, a question, an initiative, the room. */
  @Prop({ required: true })
  subjectId!: string;

  @Prop()
  threadId?: string;

  @Prop({ required: true })
  actorId!: string;

  @Prop({ required: true })
  at!: Date;
}

export const RoomEventSchema = SchemaFactory.createForClass(RoomEventRecord);
RoomEventSchema.index({ roomId: 1, seq: 1 }, { unique: true });
