import { API_BASE, ApiError, refreshTokens, tokenStorage } from '@helix/web/data-access';
import { useMutation } from '@tanstack/react-query';

function fetchCsv(pollId: string, accessToken: string | null): Promise<Response> {
  return fetch(`${API_BASE}/polls/${encodeURIComponent(pollId)}/results.csv`, {
    headers: accessToken ? { Authorization: `Bearer ${accessToken}`, Accept: 'text/csv' } : {},
  }).catch(() => {
    throw new ApiError(0, 'UNAVAILABLE', 'The server cannot be reached');
  });
}

function fileName(disposition: string | null, pollId: string): string {
  const match = disposition?.match(/filename="?([^";]+)"?/i);
  return match?.[1] ?? `poll-${pollId}-results.csv`;
}

/** The results as a CSV file; the endpoint needs the bearer token, so a plain link would not do. */
export async function getPollResultsCsv(pollId: string): Promise<{ blob: Blob; fileName: string }> {
  const accessToken = tokenStorage.getAccessToken();
  let response = await fetchCsv(pollId, accessToken);
  if (response.status === 401 && accessToken && (await refreshTokens(accessToken))) {
    response = await fetchCsv(pollId, tokenStorage.getAccessToken());
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw ApiError.fromBody(response.status, body as Parameters<typeof ApiError.fromBody>[1]);
  }
  return {
    blob: await response.blob(),
    fileName: fileName(response.headers.get('Content-Disposition'), pollId),
  };
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

export function useDownloadPollResults() {
  return useMutation({
    mutationFn: async (pollId: string) => {
      const { blob, fileName: name } = await getPollResultsCsv(pollId);
      saveBlob(blob, name);
    },
  });
}
