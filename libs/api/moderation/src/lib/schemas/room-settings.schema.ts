import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PROJECTOR_KINDS, type ProjectorKind } from '@helix/contract';

/** One document per room (its `_id` is the room's), created on its first change; a room without one has the defaults. */
@Schema({ collection: 'room_settings', versionKey: false })
export class RoomSettingsRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ default: false })
  qaReview!: boolean;

  @Prop({ type: String, enum: PROJECTOR_KINDS, default: 'nothing' })
  projectorKind!: ProjectorKind;

  @Prop({ type: String, default: null })
  projectorTargetId!: string | null;

  @Prop({ required: true })
  updatedAt!: Date;
}

export const RoomSettingsSchema = SchemaFactory.createForClass(RoomSettingsRecord);
