import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One sign-in with a badge link: its `_id` is the session it started, so revoking the badge can end
 * exactly the sessions the badge opened (found by the `entryId` index, an organizer's rare action).
 */
@Schema({ collection: 'badge_sign_ins', versionKey: false })
export class BadgeSignInRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  entryId!: string;

  @Prop({ required: true })
  userId!: string;

  /** The badge (RosterEntryRecord.badgeGeneration) that was used. */
  @Prop({ required: true })
  generation!: number;

  /** The random id the device keeps: how many devices use one badge is what organizers see. */
  @Prop({ required: true })
  deviceId!: string;

  @Prop({ required: true })
  at!: Date;
}

export const BadgeSignInSchema = SchemaFactory.createForClass(BadgeSignInRecord);
BadgeSignInSchema.index({ entryId: 1 });
