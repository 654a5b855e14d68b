export { RoomsModule } from './lib/rooms.module';
export { RoomsService } from './lib/rooms.service';
export { RoomMessages, type MessageExists } from './lib/room-messages';
