import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
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
export class InitiativesModule {}
