import './i18n/strings';
import './statements.css';

// A separate entry point: the voting card and the results (with their map) load only when opened.
export { StatementsPage } from './components/statements-page';
export { StatementResultsPage } from './components/statement-results-page';
