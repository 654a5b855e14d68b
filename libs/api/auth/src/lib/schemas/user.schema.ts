import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROLES, STAKEHOLDER_GROUPS, type Role, type StakeholderGroup } from '@helix/contract';
import type { Types } from 'mongoose';

@Schema({ collection: 'users', versionKey: false, timestamps: true })
export class UserRecord {
  _id!: Types.ObjectId;

  @Prop({ required: true })
  email!: string;

  @Prop({ required: true })
  passwordHash!: string;

  @Prop({ required: true })
  displayName!: string;

  @Prop({ required: true })
  organization!: string;

  @Prop({ type: String, required: true, enum: STAKEHOLDER_GROUPS })
  stakeholderGroup!: StakeholderGroup;

  /** The language Helix writes to this person in (e-mail); unset: the language of the request. */
  @Prop({ type: String, enum: ['en', 'ru'], required: false })
  language?: 'en' | 'ru';

  @Prop({ type: [String], enum: ROLES, default: ['participant'] })
  roles!: Role[];

  /** Rooms moderated without the forum-wide role; every room moderation asks mayModerateRoom. */
  @Prop({ type: [String], default: [] })
  moderatedRoomIds!: string[];

  /** The person deleted the account: what is left is a name for their words, no e-mail and no password. */
  @Prop({ type: Boolean, required: false })
  former?: true;
}

export const UserSchema = SchemaFactory.createForClass(UserRecord);
UserSchema.index({ email: 1 }, { unique: true });
