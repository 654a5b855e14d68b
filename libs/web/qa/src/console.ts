// A separate entry point for a room's moderator console, which the app composes and loads only when
// it is opened: what only the console uses stays out of the initial JavaScript.
import './qa.css';

export { QaConsoleSection } from './components/qa-console-section';
