import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROOM_KINDS, type RoomKind } from '@helix/contract';
import type { Types } from 'mongoose';

@Schema({ collection: 'rooms', versionKey: false })
export class RoomRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  slug!: string;

  @Prop({ type: String, required: true, enum: ROOM_KINDS })
  kind!: RoomKind;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  description!: string;

  @Prop({ type: [String], default: [] })
  keyQuestions!: string[];

  @Prop({ required: true })
  order!: number;
}

export const RoomSchema = SchemaFactory.createForClass(RoomRecord);
RoomSchema.index({ slug: 1 }, { unique: true });
