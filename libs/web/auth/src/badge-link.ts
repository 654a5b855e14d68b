// The page a badge's QR code opens: loaded when visited, outside the initial budget.
export { BadgeSignInPage } from './components/badge-sign-in-page';
