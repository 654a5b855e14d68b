import type { TokenPair } from '@helix/contract';
import { ApiError } from './api-error';
import { requestLanguage } from './i18n/i18n';
import { tokenStorage } from './token-storage';

export const API_BASE = '/api';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for a new pair. Single-flight: parallel callers share one request,
 * because refresh tokens rotate and a second use of the same one revokes the whole session.
 * Resolves false when the session is over (tokens are then cleared) or the server is unreachable.
 */
export function refreshTokens(staleAccessToken?: string | null): Promise<boolean> {
  refreshInFlight ??= runExclusive(() => doRefresh(staleAccessToken ?? null)).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** Tabs share one refresh token, so they take turns (Web Locks) where the browser allows it. */
function runExclusive<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('helix.refresh-tokens', task) as unknown as Promise<T>) : task();
}

async function doRefresh(staleAccessToken: string | null): Promise<boolean> {
  const tokens = tokenStorage.reload();
  if (!tokens) return false;
  // Another tab refreshed while we waited for the lock: use its tokens.
  if (staleAccessToken && tokens.accessToken !== staleAccessToken) return true;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/auth/refresh`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
  } catch {
    return false;
  }
  if (response.ok) {
    tokenStorage.set((await response.json()) as TokenPair);
    return true;
  }
  if (response.status === 400 || response.status === 401 || response.status === 403) tokenStorage.set(null);
  return false;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(path: string, options: RequestOptions, accessToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (accessToken) headers['Authorization'] = `Bearer ${accessToken}`;
  // Server-worded texts (room names, consensus explanations, rules) come back in the UI language.
  const language = requestLanguage();
  if (language) headers['Accept-Language'] = language;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.unavailable('unreachable');
  }
}

/** JSON over fetch with the bearer token; on 401 refreshes once and retries. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const accessToken = tokenStorage.getAccessToken();
  let response = await send(path, options, accessToken);
  if (response.status === 401 && accessToken && !path.startsWith('/auth/refresh')) {
    if (await refreshTokens(accessToken)) response = await send(path, options, tokenStorage.getAccessToken());
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw ApiError.fromBody(response.status, body as Parameters<typeof ApiError.fromBody>[1]);
  return body as T;
}

export const apiClient = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, options),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
