import { API_BASE, ApiError, i18n, refreshTokens, tokenStorage } from '@helix/web/data-access';
import { useMutation } from '@tanstack/react-query';

const FALLBACK_NAME = 'forum-outcome.csv';

function fetchCsv(accessToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'text/csv' };
  if (accessToken) headers['Authorization'] = `Bearer ${accessToken}`;
  if (i18n.resolvedLanguage) headers['Accept-Language'] = i18n.resolvedLanguage;
  return fetch(`${API_BASE}/initiatives/outcome.csv`, { headers }).catch(() => {
    throw new ApiError(0, 'UNAVAILABLE', 'The server cannot be reached');
  });
}

function fileName(disposition: string | null): string {
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? FALLBACK_NAME;
}

/** The adopted initiatives as CSV; the endpoint needs the bearer token, so a plain link would not do. */
export async function getOutcomeCsv(): Promise<{ blob: Blob; fileName: string }> {
  const accessToken = tokenStorage.getAccessToken();
  let response = await fetchCsv(accessToken);
  if (response.status === 401 && accessToken && (await refreshTokens(accessToken))) {
    response = await fetchCsv(tokenStorage.getAccessToken());
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw ApiError.fromBody(response.status, body as Parameters<typeof ApiError.fromBody>[1]);
  }
  return { blob: await response.blob(), fileName: fileName(response.headers.get('Content-Disposition')) };
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

export function useDownloadOutcome() {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName: name } = await getOutcomeCsv();
      saveBlob(blob, name);
    },
  });
}
