import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CoalescedRoomUpdates } from './coalesced-room-updates';
import { GracefulShutdown } from './graceful-shutdown';
import { SessionSockets } from './session-sockets';
import { PresenceTracker } from './presence-tracker';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomEventLog } from './room-event-log';
import { RoomSubjects } from './room-subjects';
import { RoomWrites } from './room-writes';
import { RoomEventRecord, RoomEventSchema } from './schemas/room-event.schema';
import {
  RoomLogChannelRecord,
  RoomLogChannelSchema,
  RoomLogChunkRecord,
  RoomLogChunkSchema,
} from './schemas/room-log-chunk.schema';
import { RoomLogChunks } from './room-log-chunks';
import { UnansweredEvents } from './unanswered-events';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: RoomEventRecord.name, schema: RoomEventSchema },
      { name: RoomLogChunkRecord.name, schema: RoomLogChunkSchema },
      { name: RoomLogChannelRecord.name, schema: RoomLogChannelSchema },
    ]),
  ],
  providers: [
    RoomEventLog,
    RoomLogChunks,
    RoomSubjects,
    RoomWrites,
    RoomBroadcaster,
    PresenceTracker,
    CoalescedRoomUpdates,
    GracefulShutdown,
    SessionSockets,
    UnansweredEvents,
  ],
  exports: [
    RoomEventLog,
    RoomSubjects,
    RoomWrites,
    RoomBroadcaster,
    PresenceTracker,
    CoalescedRoomUpdates,
    SessionSockets,
  ],
})
export class RealtimeModule {}
