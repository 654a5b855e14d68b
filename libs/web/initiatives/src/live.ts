// A separate entry point: the signed-in layout keeps the initiatives cache live on every screen, while
// the initiatives' own screens (the rest of this library) load only when opened.
export { InitiativesLive } from './components/initiatives-live';
