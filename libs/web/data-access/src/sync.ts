// A separate entry point: the room sync engine and the outbox without React, the tab's socket or the
// browser, for any JavaScript runtime that holds a Socket.IO client (the API's black-box tests drive
// the real servers with it, so they exercise what users run).
export * from './lib/room-sync';
export * from './lib/outbox';
export { SOCKET_RECONNECTION } from './lib/retry';
