import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ConsensusRule } from '@helix/consensus';
import type { PublicUser } from '@helix/contract';

/** The forum's minimum consensus rule, created on the first change; until then the default applies. */
@Schema({ collection: 'consensus_rules', versionKey: false })
export class ConsensusRuleRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: Object, required: true })
  minimum!: ConsensusRule;

  @Prop({ required: true })
  updatedAt!: Date;

  @Prop({ type: Object, required: true })
  updatedBy!: PublicUser;

  @Prop({ required: true })
  version!: number;
}

export const ConsensusRuleSchema = SchemaFactory.createForClass(ConsensusRuleRecord);
