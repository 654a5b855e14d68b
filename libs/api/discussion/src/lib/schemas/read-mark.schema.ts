import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** How far one person has read one room: `_id` is `<userId>:<roomId>`, so it is found and written by `_id`. */
@Schema({ collection: 'room_reads', versionKey: false })
export class ReadMarkRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  roomId!: string;

  /** The seq of the newest room event the person had on screen. */
  @Prop({ required: true })
  seq!: number;

  @Prop({ required: true })
  at!: Date;
}

export const ReadMarkSchema = SchemaFactory.createForClass(ReadMarkRecord);
