import './initiatives.css';

export { InitiativesBoardPage } from './components/initiatives-board-page';
export { NewInitiativePage, EditInitiativePage } from './components/initiative-form-page';
export { InitiativePage } from './components/initiative-page';
export { OutcomePage } from './components/outcome-page';
export { InitiativesLive } from './components/initiatives-live';
export { applyInitiativeEvent } from './api/initiative-cache';
