import './initiatives.css';

// A separate entry point: the presenter screen's initiative view loads only when it is opened.
export { InitiativePresentView } from './components/initiative-present-view';
