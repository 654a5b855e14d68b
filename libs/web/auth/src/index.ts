export { signIn, useSignIn } from './api/sign-in';
export { signUp, useSignUp } from './api/sign-up';
export { signOut, useSignOut } from './api/sign-out';
export { useAuth, type AuthState } from './hooks/use-auth';
export { SessionBridge } from './components/session-bridge';
export { RequireAuth, RedirectIfSignedIn } from './components/require-auth';
export { SignInForm } from './components/sign-in-form';
export { SignUpForm } from './components/sign-up-form';
