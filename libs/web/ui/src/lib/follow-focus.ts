import { useEffect, type RefObject } from 'react';

/** Keys of the items whose next render should take the keyboard focus back (see useFollowFocus). */
const pending = new Set<string>();

/**
 * Call when an action on `key` will move its item to another list (a poll that opens, a question
 * answered): the item's buttons are unmounted with it and the focus would fall to the page's top.
 * Call `cancel` if the action fails.
 */
export const followFocus = {
  start: (key: string): void => void pending.add(key),
  cancel: (key: string): void => void pending.delete(key),
};

/**
 * Where the item of `key` renders next (moved or not), the focus goes to the first control in
 * `container`, or to the summary of the folded `<details>` it landed in.
 */
export function useFollowFocus(key: string, container: RefObject<HTMLElement | null>, moved: unknown): void {
  useEffect(() => {
    if (!pending.has(key) || !container.current) return;
    pending.delete(key);
    const folded = container.current.closest('details:not([open])');
    const target =
      folded?.querySelector<HTMLElement>(':scope > summary') ??
      container.current.querySelector<HTMLElement>('button:not([disabled]), a[href]');
    target?.focus();
  }, [key, container, moved]);
}
