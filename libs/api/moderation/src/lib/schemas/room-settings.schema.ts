import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PROJECTOR_KINDS, type ProjectorKind } from '@helix/contract';

/** One document per room, created on its first change; a room without one has the defaults. */
@Schema({ collection: 'room_settings', versionKey: false })
export class RoomSettingsRecord {
  @Prop({ required: true })
  roomId!: string;

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
RoomSettingsSchema.index({ roomId: 1 }, { unique: true });
