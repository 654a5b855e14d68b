import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ModerationModule, ProjectorTargets } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { RoomsModule } from '@helix/api/rooms';
import { PollResults } from './poll-results';
import { PollsController } from './polls.controller';
import { PollsGateway } from './polls.gateway';
import { PollsService } from './polls.service';
import { BallotRecord, BallotSchema } from './schemas/ballot.schema';
import { PollRecord, PollSchema } from './schemas/poll.schema';

@Module({
  imports: [
    RealtimeModule,
    RoomsModule,
    ModerationModule,
    MongooseModule.forFeature([
      { name: PollRecord.name, schema: PollSchema },
      { name: BallotRecord.name, schema: BallotSchema },
    ]),
  ],
  controllers: [PollsController],
  providers: [PollsService, PollResults, PollsGateway],
})
export class PollsModule implements OnModuleInit {
  constructor(
    private readonly targets: ProjectorTargets,
    private readonly polls: PollsService,
  ) {}

  onModuleInit(): void {
    this.targets.register('poll', (roomId, pollId) => this.polls.requireShowable(roomId, pollId));
  }
}
