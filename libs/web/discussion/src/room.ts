// A separate entry point for a room's page and its threads, which the app loads when a room is opened: the
// message list, composer and mentions stay out of the first screen's JavaScript.
export { RoomPage } from './components/room-page';
export { ThreadPage } from './components/thread-page';
export type { AttachmentRenderer } from './components/message-item';
