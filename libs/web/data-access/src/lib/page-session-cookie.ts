import { PAGE_SESSION_COOKIE } from '@helix/contract';

/** Seconds until a JWT's `exp`, or undefined when it names none (then the cookie lasts the browser session). */
function secondsLeft(accessToken: string): number | undefined {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const { exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof exp === 'number' ? Math.max(0, Math.floor(exp - Date.now() / 1000)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Mirrors the access token in the cookie the server renders the first screen from (contract first-screen.ts),
 * for as long as the token holds, so that a phone opening Helix sees its rooms before the app has loaded.
 * Only the access token: the refresh token never leaves localStorage.
 */
export function writePageSessionCookie(accessToken: string | null): void {
  if (typeof document === 'undefined') return;
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  const maxAge = accessToken === null ? 0 : secondsLeft(accessToken);
  const lifetime = maxAge === undefined ? '' : `; Max-Age=${maxAge}`;
  document.cookie = `${PAGE_SESSION_COOKIE}=${accessToken ?? ''}; Path=/; SameSite=Lax${lifetime}${secure}`;
}
