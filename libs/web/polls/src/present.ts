// A separate entry point: the projector view (and the QR code library) load only when it is opened.
export { PollPresentPage } from './components/poll-present-page';
// The same live results, for a room's presenter screen to frame.
export { PollPresentView } from './components/poll-present-view';
