import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const roomLogChunkId = (roomId: string, n: number): string => `${roomId}:${n}`;

/**
 * CHUNK_EVENTS consecutive events of one room's log, packed into one JSON string (see RoomLogChunks): derived
 * from room_events, immutable once written, read at boot instead of the events themselves.
 */
@Schema({ collection: 'room_log_chunks', versionKey: false })
export class RoomLogChunkRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  roomId!: string;

  /** Holds seqs n·CHUNK_EVENTS + 1 … (n + 1)·CHUNK_EVENTS. */
  @Prop({ required: true })
  n!: number;

  @Prop({ required: true })
  events!: string;
}

export const RoomLogChunkSchema = SchemaFactory.createForClass(RoomLogChunkRecord);

/** A room (or forum channel) that has a log: boot reads the logs these name. */
@Schema({ collection: 'room_log_channels', versionKey: false })
export class RoomLogChannelRecord {
  @Prop({ type: String, required: true })
  _id!: string;
}

export const RoomLogChannelSchema = SchemaFactory.createForClass(RoomLogChannelRecord);
