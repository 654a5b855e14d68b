import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CoalescedRoomUpdates } from './coalesced-room-updates';
import { GracefulShutdown } from './graceful-shutdown';
import { SessionSockets } from './session-sockets';
import { PresenceTracker } from './presence-tracker';
import { RoomBroadcaster } from './room-broadcaster';
import { RoomEventLog } from './room-event-log';
import { RoomSubjects } from './room-subjects';
import { RoomEventRecord, RoomEventSchema } from './schemas/room-event.schema';
import { UnansweredEvents } from './unanswered-events';

@Module({
  imports: [MongooseModule.forFeature([{ name: RoomEventRecord.name, schema: RoomEventSchema }])],
  providers: [
    RoomEventLog,
    RoomSubjects,
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
    RoomBroadcaster,
    PresenceTracker,
    CoalescedRoomUpdates,
    SessionSockets,
  ],
})
export class RealtimeModule {}
