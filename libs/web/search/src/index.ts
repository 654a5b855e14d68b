// Loaded on demand (the room's search and the search page): not in the initial JavaScript.
import './search.css';

export { ForumSearchPage } from './components/forum-search-page';
export { RoomSearch } from './components/room-search';
