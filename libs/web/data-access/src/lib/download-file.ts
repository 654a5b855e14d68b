import { API_BASE, refreshTokens } from './api-client';
import { ApiError } from './api-error';
import { i18n } from './i18n/i18n';
import { tokenStorage } from './token-storage';

function fetchFile(path: string, accessToken: string | null): Promise<Response> {
  const headers: Record<string, string> = {};
  if (accessToken) headers['Authorization'] = `Bearer ${accessToken}`;
  if (i18n.resolvedLanguage) headers['Accept-Language'] = i18n.resolvedLanguage;
  return fetch(`${API_BASE}${path}`, { headers }).catch(() => {
    throw ApiError.unavailable('unreachable');
  });
}

/**
 * Fetches a file from the API (CSV exports) with the bearer token, refreshing it once on 401, and
 * saves it under the name the server gives. A plain link would not carry the token.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const accessToken = tokenStorage.getAccessToken();
  let response = await fetchFile(path, accessToken);
  if (response.status === 401 && accessToken && (await refreshTokens(accessToken))) {
    response = await fetchFile(path, tokenStorage.getAccessToken());
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw ApiError.fromBody(response.status, body as Parameters<typeof ApiError.fromBody>[1]);
  }
  saveBlob(await response.blob(), fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName);
}

/** The name the server gave: in its own script (RFC 5987 `filename*`) when sent, else the ASCII one. */
function fileNameOf(disposition: string | null): string | undefined {
  const unicode = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (unicode) {
    try {
      return decodeURIComponent(unicode);
    } catch {
      // A malformed encoding: the ASCII name still says what the file is.
    }
  }
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1];
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
