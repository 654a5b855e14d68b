import { downloadFile } from '@helix/web/data-access';
import { useMutation } from '@tanstack/react-query';

export function useDownloadOutcome() {
  return useMutation({ mutationFn: () => downloadFile('/initiatives/outcome.csv', 'forum-outcome.csv') });
}
