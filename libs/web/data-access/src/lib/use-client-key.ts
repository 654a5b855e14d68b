import { useCallback, useRef } from 'react';
import { newClientId } from './outbox';

/**
 * The key a create request carries (its `clientId`): the same for every send of one draft, so a double
 * click or a retry after a lost answer makes one thing, not two. `take()` gives the draft's key (making it
 * on first use), `renew()` starts the next draft: after a success, or when the draft is changed.
 */
export function useClientKey(): { take: () => string; renew: () => void } {
  const key = useRef<string | null>(null);
  const take = useCallback(() => (key.current ??= newClientId()), []);
  const renew = useCallback(() => {
    key.current = null;
  }, []);
  return { take, renew };
}
