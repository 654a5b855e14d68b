import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RealtimeModule } from '@helix/api/realtime';
import { DiscussionGateway } from './discussion.gateway';
import { MessagesService } from './messages.service';
import { RoomsController } from './rooms.controller';
import { RoomsService } from './rooms.service';
import { RoomRecord, RoomSchema } from './schemas/room.schema';
import { ThreadRecord, ThreadSchema } from './schemas/thread.schema';
import { ThreadsService } from './threads.service';

@Module({
  imports: [
    RealtimeModule,
    MongooseModule.forFeature([
      { name: RoomRecord.name, schema: RoomSchema },
      { name: ThreadRecord.name, schema: ThreadSchema },
    ]),
  ],
  controllers: [RoomsController],
  providers: [RoomsService, ThreadsService, MessagesService, DiscussionGateway],
  exports: [RoomsService],
})
export class DiscussionModule {}
