// A separate entry point for a room's moderator console, which the app composes and loads only when
// it is opened: what only the console uses stays out of the initial JavaScript.
export { PollsConsoleSection } from './components/polls-console-section';
export { useRoomPolls } from './api/get-room-polls';
