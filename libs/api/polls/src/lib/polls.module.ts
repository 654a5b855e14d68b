import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
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
    MongooseModule.forFeature([
      { name: PollRecord.name, schema: PollSchema },
      { name: BallotRecord.name, schema: BallotSchema },
    ]),
  ],
  controllers: [PollsController],
  providers: [PollsService, PollResults, PollsGateway],
})
export class PollsModule {}
