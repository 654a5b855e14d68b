export { POLLS_HEADING_ID } from './lib/poll-links';
export { PollsLive } from './components/polls-live';
export { applyPollEvent } from './api/poll-cache';
