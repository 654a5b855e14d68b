import './i18n/register';
import './forums.css';

export { ForumsPage } from './components/forums-page';
export { ForumPage } from './components/forum-page';
export { AgendaPage } from './components/agenda-page';
export { PublicOutcomePage } from './components/public-outcome-page';
export { JoinPage } from './components/join-page';
