// A separate entry point: the dialogs open from lazily loaded parts (Share, Hide message), so the
// dialog code loads with them rather than with the first page.
export * from './lib/dialog';
