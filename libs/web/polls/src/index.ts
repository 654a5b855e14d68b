export { RoomPollsPanel } from './components/room-polls-panel';
export { PollsLive } from './components/polls-live';
export { applyPollEvent } from './api/poll-cache';
// For a room's moderator console, which the app composes.
export { PollsConsoleSection } from './components/polls-console-section';
export { useRoomPolls } from './api/get-room-polls';
