export { SearchModule } from './lib/search.module';
export { SearchIndex, type SearchDocument } from './lib/search-index';
export { stem, snippetOf } from './lib/search-text';
