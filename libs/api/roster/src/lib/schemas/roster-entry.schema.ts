import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/**
 * A person on a forum's roster and their badge. The `_id` is derived from the forum and the account
 * (`deterministicId`), so importing a person twice finds the same entry by `_id`.
 */
@Schema({ collection: 'roster_entries', versionKey: false })
export class RosterEntryRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  forumId!: string;

  @Prop({ required: true })
  userId!: string;

  /** Counts the badges printed for this person; a new badge is the next one, and the older ones stop working. */
  @Prop({ required: true })
  badgeGeneration!: number;

  /** The SHA-256 of the current badge link's token, never the token. */
  @Prop({ required: true })
  badgeHash!: string;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;

  @Prop({ required: true })
  importedAt!: Date;
}

export const RosterEntrySchema = SchemaFactory.createForClass(RosterEntryRecord);
