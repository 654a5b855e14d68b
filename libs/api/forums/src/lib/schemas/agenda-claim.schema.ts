import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * That a session's start or end has been carried out: `_id` is `<sessionId>:start` or `<sessionId>:end`, so
 * the insert of the first instance to get there wins and every other instance's is refused (an insert is
 * atomic on both databases, where FerretDB's conditional updates are not).
 */
@Schema({ collection: 'agenda_claims', versionKey: false })
export class AgendaClaimRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  at!: Date;
}

export const AgendaClaimSchema = SchemaFactory.createForClass(AgendaClaimRecord);
