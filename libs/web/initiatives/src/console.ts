// A separate entry point for a room's moderator console, which the app composes and loads only when
// it is opened: what only the console uses stays out of the initial JavaScript.
export { InitiativesConsoleSection } from './components/initiatives-console-section';
export { useInitiatives } from './api/get-initiatives';
