import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ModerationModule, ProjectorTargets } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { RoomsModule } from '@helix/api/rooms';
import { ConsensusRuleController } from './consensus-rule.controller';
import { ConsensusRuleService } from './consensus-rule.service';
import { InitiativeCloser } from './initiative-closer';
import { InitiativesController } from './initiatives.controller';
import { InitiativesService } from './initiatives.service';
import { InitiativesStore } from './initiatives-store';
import { ConsensusRuleRecord, ConsensusRuleSchema } from './schemas/consensus-rule.schema';
import { InitiativeRecord, InitiativeSchema } from './schemas/initiative.schema';

@Module({
  imports: [
    RealtimeModule,
    RoomsModule,
    ModerationModule,
    MongooseModule.forFeature([
      { name: InitiativeRecord.name, schema: InitiativeSchema },
      { name: ConsensusRuleRecord.name, schema: ConsensusRuleSchema },
    ]),
  ],
  controllers: [InitiativesController, ConsensusRuleController],
  providers: [ConsensusRuleService, InitiativesStore, InitiativesService, InitiativeCloser],
})
export class InitiativesModule implements OnModuleInit {
  constructor(
    private readonly targets: ProjectorTargets,
    private readonly initiatives: InitiativesService,
  ) {}

  onModuleInit(): void {
    this.targets.register('initiative', async (_roomId, id) => this.initiatives.requireShowable(id));
  }
}
