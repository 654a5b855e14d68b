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

  @Prop({ type: [String], enum: ROLES, default: ['participant'] })
  roles!: Role[];
}

export const UserSchema = SchemaFactory.createForClass(UserRecord);
UserSchema.index({ email: 1 }, { unique: true });
