import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Translated } from '@helix/contract';
import type { Types } from 'mongoose';

/**
 * One session of a forum's agenda, in one room. `startedAt` and `endedAt` are set once each, by whichever
 * instance's clock gets there first (a guarded update), and only that one opens or closes what the session runs.
 */
@Schema({ collection: 'agenda_sessions', versionKey: false })
export class AgendaSessionRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  forumId!: string;

  @Prop({ required: true })
  roomId!: string;

  @Prop({ type: Object, required: true })
  title!: Translated;

  @Prop({ type: Object, required: true })
  description!: Translated;

  @Prop({ type: [String], default: [] })
  speakers!: string[];

  @Prop({ required: true })
  startsAt!: Date;

  @Prop({ required: true })
  endsAt!: Date;

  @Prop({ default: false })
  opensQa!: boolean;

  @Prop({ type: String, default: null })
  pollId!: string | null;

  @Prop({ type: Date, default: null })
  startedAt!: Date | null;

  @Prop({ type: Date, default: null })
  endedAt!: Date | null;

  @Prop({ default: false })
  removed!: boolean;

  @Prop({ required: true })
  version!: number;
}

export const AgendaSessionSchema = SchemaFactory.createForClass(AgendaSessionRecord);
