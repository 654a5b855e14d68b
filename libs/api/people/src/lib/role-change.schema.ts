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

  @Prop({ required: true })
  at!: Date;
}

export const RoleChangeSchema = SchemaFactory.createForClass(RoleChangeRecord);
