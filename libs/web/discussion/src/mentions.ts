// A separate entry point for the mentions list, which the app loads only when it is opened.
export { MentionsPage } from './components/mentions-page';
