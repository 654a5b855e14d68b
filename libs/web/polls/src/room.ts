// A separate entry point for a room's page, which the app loads when a room is opened: the polls panel and
// its live formats stay out of the first screen's JavaScript.
export { RoomPollsPanel } from './components/room-polls-panel';
// A closed poll's result as posted into its thread (the thread route renders it).
export { PollResultCard } from './components/poll-result-card';
