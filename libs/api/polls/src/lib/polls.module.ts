import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ModerationModule, ProjectorTargets } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { RoomsModule } from '@helix/api/rooms';
import { PollsController } from './polls.controller';
import { PollsGateway } from './polls.gateway';
import { PollsService } from './polls.service';
import { PollsStore } from './polls-store';
import { PollRecord, PollSchema } from './schemas/poll.schema';

@Module({
  imports: [
    RealtimeModule,
    RoomsModule,
    ModerationModule,
    MongooseModule.forFeature([{ name: PollRecord.name, schema: PollSchema }]),
  ],
  controllers: [PollsController],
  providers: [PollsStore, PollsService, PollsGateway],
})
export class PollsModule implements OnModuleInit {
  constructor(
    private readonly targets: ProjectorTargets,
    private readonly polls: PollsService,
  ) {}

  onModuleInit(): void {
    this.targets.register('poll', async (roomId, pollId) => this.polls.requireShowable(roomId, pollId));
  }
}
