export { RoomsModule } from './lib/rooms.module';
export { RoomsService } from './lib/rooms.service';
