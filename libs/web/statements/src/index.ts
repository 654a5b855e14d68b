import './i18n/strings';
export { RoomStatementsSection, STATEMENTS_HEADING_ID } from './components/room-statements-section';
