import { ApiError } from '@helix/web/data-access';
import type { TFunction } from 'i18next';

/** A refusal (a 4xx) is the server's own sentence, already in the UI language; anything else is generic. */
export function requestErrorText(error: Error | null, t: TFunction): string | null {
  if (!error) return null;
  return error instanceof ApiError && error.status >= 400 && error.status < 500
    ? error.message
    : t('errors.generic', { message: error.message });
}
