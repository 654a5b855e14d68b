// A separate entry point: the projector view (and the QR code library) load only when it is opened.
export { PollPresentPage } from './components/poll-present-page';
