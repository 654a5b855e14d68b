import type { TokenPair } from '@helix/contract';
import { writePageSessionCookie } from './page-session-cookie';
import { safeStorage } from './store';

const KEY = 'helix.tokens';

type Listener = (tokens: TokenPair | null) => void;

let current: TokenPair | null = safeStorage.read<TokenPair>(KEY);
// A session from before the cookie existed gets it too, so its next page load is rendered by the server.
writePageSessionCookie(current?.accessToken ?? null);
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of [...listeners]) listener(current);
}

// Another tab that refreshes or signs out changes the tokens for this one too.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY && event.key !== null) return;
    current = safeStorage.read<TokenPair>(KEY);
    notify();
  });
}

export const tokenStorage = {
  get(): TokenPair | null {
    return current;
  },
  getAccessToken(): string | null {
    return current?.accessToken ?? null;
  },
  /** Re-reads storage: another tab may have rotated the refresh token meanwhile. */
  reload(): TokenPair | null {
    current = safeStorage.read<TokenPair>(KEY);
    return current;
  },
  set(tokens: TokenPair | null): void {
    current = tokens ? { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } : null;
    safeStorage.write(KEY, current);
    writePageSessionCookie(current?.accessToken ?? null);
    notify();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
