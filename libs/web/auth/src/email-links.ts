// Pages opened from e-mail or from "Forgot password?": loaded when visited, outside the initial budget.
export { EmailLinkForm } from './components/email-link-form';
export { ResetPasswordForm } from './components/reset-password-form';
export { SignInLinkPage } from './components/sign-in-link-page';
