// A separate entry point for a room's moderator console, which the app composes and loads only when
// it is opened: what only the console uses stays out of the initial JavaScript.
export { Breadcrumbs } from './components/breadcrumbs';
export { RoomNotFound } from './components/room-not-found';
export { ThreadsConsoleSection } from './components/threads-console-section';
export { useThreads } from './api/get-threads';
