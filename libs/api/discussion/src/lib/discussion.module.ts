import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ModerationModule } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { RoomsModule } from '@helix/api/rooms';
import { DiscussionGateway } from './discussion.gateway';
import { MessagesService } from './messages.service';
import { ModerationController } from './moderation.controller';
import { RoomsController } from './rooms.controller';
import { ThreadRecord, ThreadSchema } from './schemas/thread.schema';
import { ThreadsService } from './threads.service';

@Module({
  imports: [
    RealtimeModule,
    RoomsModule,
    ModerationModule,
    MongooseModule.forFeature([{ name: ThreadRecord.name, schema: ThreadSchema }]),
  ],
  controllers: [RoomsController, ModerationController],
  providers: [ThreadsService, MessagesService, DiscussionGateway],
})
export class DiscussionModule {}
