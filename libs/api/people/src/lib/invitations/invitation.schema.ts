import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { INVITATION_ROLES, type InvitationRole } from '@helix/contract';

/** One acceptance: who, and when. A person is in `uses` at most once. */
export interface InvitationUseRecord {
  userId: string;
  at: Date;
}

/**
 * An invitation link. The token is never stored: only its hash, checked when the link is opened
 * (the token names the invitation's `_id`, so opening it is a read by `_id`).
 */
@Schema({ collection: 'invitations', versionKey: false })
export class InvitationRecord {
  /** Derived from its creator and clientId when one is given, so a repeated create finds it by `_id`. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  forumId!: string;

  @Prop({ type: String, enum: INVITATION_ROLES, required: true })
  role!: InvitationRole;

  @Prop({ type: [String], default: [] })
  roomIds!: string[];

  @Prop({ required: true })
  expiresAt!: Date;

  @Prop({ required: true })
  maxUses!: number;

  @Prop({ type: String, default: null })
  email!: string | null;

  @Prop({ required: true })
  tokenHash!: string;

  @Prop({ required: true })
  createdById!: string;

  @Prop({ required: true })
  createdByName!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ type: Date, default: null })
  revokedAt!: Date | null;

  /** Kept beside `uses` so that the guarded update can compare it with `maxUses`. */
  @Prop({ required: true })
  useCount!: number;

  @Prop({ type: [{ userId: String, at: Date, _id: false }], default: [] })
  uses!: InvitationUseRecord[];
}

export const InvitationSchema = SchemaFactory.createForClass(InvitationRecord);
