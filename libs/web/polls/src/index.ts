export { POLLS_HEADING_ID, RoomPollsPanel } from './components/room-polls-panel';
export { PollsLive } from './components/polls-live';
export { applyPollEvent } from './api/poll-cache';
