export { ForumsModule } from './lib/forums.module';
export { RoomsService } from './lib/rooms.service';
export { RoomMessages, type MessageExists } from './lib/room-messages';
export { RoomPosts, type SystemPost, type SystemPoster } from './lib/room-posts';
export { ForumsService } from './lib/forums.service';
export { ForumsStore } from './lib/forums-store';
export {
  ForumParts,
  type ForumDocumentIds,
  type ForumPart,
  type ForumPartStats,
  type ForumScope,
} from './lib/forum-parts';
export type { RoomRecord } from './lib/schemas/room.schema';
export type { AgendaSessionRecord } from './lib/schemas/agenda-session.schema';
export { inLanguage } from './lib/translated';
