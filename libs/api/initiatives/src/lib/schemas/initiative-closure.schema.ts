import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { InitiativeRecord } from './initiative.schema';
import type { Types } from 'mongoose';

/**
 * The decision to close one initiative's vote. Its unique index on `initiativeId` makes closing happen
 * once, whether a moderator and the timer race or several API instances sweep at the same moment: the
 * instance whose insert wins decides the outcome; anyone else applies that same stored outcome.
 */
@Schema({ collection: 'initiative_closures', versionKey: false })
export class InitiativeClosureRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  initiativeId!: string;

  @Prop({ type: String, required: true })
  status!: 'adopted' | 'rejected';

  @Prop({ type: Object, required: true })
  outcome!: NonNullable<InitiativeRecord['outcome']>;

  @Prop({ required: true })
  closedAt!: Date;

  @Prop({ required: true })
  closedBy!: string;
}

export const InitiativeClosureSchema = SchemaFactory.createForClass(InitiativeClosureRecord);
InitiativeClosureSchema.index({ initiativeId: 1 }, { unique: true });
