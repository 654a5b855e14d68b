import { downloadFile } from '@helix/web/data-access';
import { useMutation } from '@tanstack/react-query';

export function useDownloadPollResults() {
  return useMutation({
    mutationFn: (pollId: string) =>
      downloadFile(`/polls/${encodeURIComponent(pollId)}/results.csv`, `poll-${pollId}-results.csv`),
  });
}
