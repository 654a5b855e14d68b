export { RoomListPage } from './components/room-list-page';
export { RoomShell } from './components/room-shell';
export { RoomPage } from './components/room-page';
export { RoomShortLinkPage } from './components/room-short-link-page';
export { ThreadPage } from './components/thread-page';
export { DiscussionLive } from './components/discussion-live';
export { unreadStore } from './stores/unread-store';
export { applyRoomEvent } from './api/room-event-cache';
