import './i18n/register';
import './roster.css';

export { RosterPage } from './components/roster-page';
export { BadgeSheetPage } from './components/badge-sheet-page';
