export { DiscussionModule } from './lib/discussion.module';
export { RoomsService } from './lib/rooms.service';
