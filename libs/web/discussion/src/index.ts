export { RoomListPage } from './components/room-list-page';
export { RoomShell } from './components/room-shell';
export { RoomShortLinkPage } from './components/room-short-link-page';
export { DiscussionLive } from './components/discussion-live';
export { unreadStore } from './stores/unread-store';
export { applyRoomEvent } from './api/room-event-cache';
export { MentionsNavLink } from './components/mentions-nav-link';
