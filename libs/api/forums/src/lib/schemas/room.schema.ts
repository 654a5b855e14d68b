import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROOM_KINDS, type RoomKind, type Translated, type TranslatedList } from '@helix/contract';
import type { Types } from 'mongoose';

/** A room of one forum, its texts in both languages. */
@Schema({ collection: 'rooms', versionKey: false })
export class RoomRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  forumId!: string;

  @Prop({ required: true })
  slug!: string;

  @Prop({ type: String, required: true, enum: ROOM_KINDS })
  kind!: RoomKind;

  @Prop({ type: Object, required: true })
  title!: Translated;

  @Prop({ type: Object, required: true })
  description!: Translated;

  @Prop({ type: Object, required: true })
  keyQuestions!: TranslatedList;

  @Prop({ required: true })
  order!: number;

  @Prop({ default: false })
  archived!: boolean;

  @Prop({ required: true })
  version!: number;
}

export const RoomSchema = SchemaFactory.createForClass(RoomRecord);
RoomSchema.index({ forumId: 1, slug: 1 }, { unique: true });
