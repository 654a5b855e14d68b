// A separate entry point for one's own profile, opened now and then: it loads when opened.
export { ProfilePage } from './components/profile-page';
