import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ModerationModule, ProjectorTargets } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { RoomsModule } from '@helix/api/rooms';
import { InitiativeCloser } from './initiative-closer';
import { InitiativesController } from './initiatives.controller';
import { InitiativesService } from './initiatives.service';
import { InitiativeClosureRecord, InitiativeClosureSchema } from './schemas/initiative-closure.schema';
import {
  InitiativeVoteHistoryRecord,
  InitiativeVoteHistorySchema,
  InitiativeVoteRecord,
  InitiativeVoteSchema,
} from './schemas/initiative-vote.schema';
import { InitiativeRecord, InitiativeSchema } from './schemas/initiative.schema';

@Module({
  imports: [
    RealtimeModule,
    RoomsModule,
    ModerationModule,
    MongooseModule.forFeature([
      { name: InitiativeRecord.name, schema: InitiativeSchema },
      { name: InitiativeVoteRecord.name, schema: InitiativeVoteSchema },
      { name: InitiativeVoteHistoryRecord.name, schema: InitiativeVoteHistorySchema },
      { name: InitiativeClosureRecord.name, schema: InitiativeClosureSchema },
    ]),
  ],
  controllers: [InitiativesController],
  providers: [InitiativesService, InitiativeCloser],
})
export class InitiativesModule implements OnModuleInit {
  constructor(
    private readonly targets: ProjectorTargets,
    private readonly initiatives: InitiativesService,
  ) {}

  onModuleInit(): void {
    this.targets.register('initiative', (_roomId, id) => this.initiatives.requireShowable(id));
  }
}
