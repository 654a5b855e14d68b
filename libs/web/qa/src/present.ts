import './qa.css';

// A separate entry point: the presenter screen (and the QR code library) load only when it is opened.
export { RoomPresentPage, type RoomPresentPageProps } from './components/room-present-page';
export { QuestionsPresentView } from './components/questions-present-view';
