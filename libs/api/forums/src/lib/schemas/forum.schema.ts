import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { FORUM_STATUSES, type ForumStatus, type Translated } from '@helix/contract';
import type { Types } from 'mongoose';

/** One edition of a forum: its rooms, agenda and everything said in them belong to it. */
@Schema({ collection: 'forums', versionKey: false })
export class ForumRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  slug!: string;

  @Prop({ type: Object, required: true })
  title!: Translated;

  @Prop({ type: Object, required: true })
  description!: Translated;

  @Prop({ type: Object, required: true })
  venue!: Translated;

  @Prop({ type: String, required: true, enum: FORUM_STATUSES })
  status!: ForumStatus;

  @Prop({ required: true })
  startsAt!: Date;

  @Prop({ required: true })
  endsAt!: Date;

  @Prop({ required: true })
  timeZone!: string;

  @Prop({ required: true })
  joinCode!: string;

  @Prop({ default: false })
  outcomePublished!: boolean;

  @Prop({ type: [String], default: [] })
  organizerIds!: string[];

  @Prop({ type: Date, default: null })
  openedAt!: Date | null;

  @Prop({ type: Date, default: null })
  closedAt!: Date | null;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  version!: number;
}

export const ForumSchema = SchemaFactory.createForClass(ForumRecord);
ForumSchema.index({ slug: 1 }, { unique: true });
ForumSchema.index({ joinCode: 1 }, { unique: true });
