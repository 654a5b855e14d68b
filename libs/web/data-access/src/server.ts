// For a page the server renders (apps/web first-screen.server.tsx), never for the browser's bundle: it
// holds every language's strings at once.
export { pageI18n } from './lib/i18n/page-i18n';
