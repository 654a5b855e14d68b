import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RoomsService } from './rooms.service';
import { RoomRecord, RoomSchema } from './schemas/room.schema';

/** The forum's rooms: seeded from the forum text, read by every feature that lives in a room. */
@Module({
  imports: [MongooseModule.forFeature([{ name: RoomRecord.name, schema: RoomSchema }])],
  providers: [RoomsService],
  exports: [RoomsService],
})
export class RoomsModule {}
