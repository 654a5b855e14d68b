// A separate entry point: a room's page and its presenter screen load the current session lazily, without
// the organizer's screens.
import './i18n/register';
import './forums.css';

export { CurrentSession as default } from './components/current-session';
