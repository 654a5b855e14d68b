import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RoomMessages } from './room-messages';
import { RoomsController } from './rooms.controller';
import { RoomsService } from './rooms.service';
import { RoomRecord, RoomSchema } from './schemas/room.schema';

/** The forum's rooms: seeded from the forum text, read by every feature that lives in a room. */
@Module({
  imports: [MongooseModule.forFeature([{ name: RoomRecord.name, schema: RoomSchema }])],
  controllers: [RoomsController],
  providers: [RoomsService, RoomMessages],
  exports: [RoomsService, RoomMessages],
})
export class RoomsModule {}
