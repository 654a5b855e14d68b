import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROLES, type Role } from '@helix/contract';

/** One change of a person's roles, kept so that who made whom a moderator can always be answered. */
@Schema({ collection: 'role_changes', versionKey: false })
export class RoleChangeRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  userId!: string;

  @Prop({ required: true })
  byId!: string;

  @Prop({ required: true })
  byName!: string;

  @Prop({ type: [String], enum: ROLES, required: true })
  from!: Role[];

  @Prop({ type: [String], enum: ROLES, required: true })
  to!: Role[];

  /** Absent on changes logged before room moderators. */
  @Prop({ type: [String] })
  fromRoomIds?: string[];

  @Prop({ type: [String] })
  toRoomIds?: string[];

  /** The invitation whose acceptance made the change; absent for a change made in the directory. */
  @Prop({ type: String })
  invitationId?: string;

  @Prop({ required: true })
  at!: Date;
}

export const RoleChangeSchema = SchemaFactory.createForClass(RoleChangeRecord);
