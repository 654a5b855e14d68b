import { FIRST_SCREEN_ELEMENT_ID, firstScreenSchema, type FirstScreen } from '@helix/contract';
import type { QueryClient } from '@tanstack/react-query';
import { meQueryKey } from './current-user';
import { roomsQueryKey } from './get-rooms';

/**
 * Puts what a first screen shows where the app's queries look for it: the server renders from it, and the
 * client starts from the same answers, so its first render is the screen already on the page.
 */
export function seedFirstScreen(queryClient: QueryClient, screen: FirstScreen): void {
  queryClient.setQueryData(meQueryKey, screen.me);
  queryClient.setQueryData(roomsQueryKey, screen.rooms);
}

/** What the server rendered this page from, if it rendered it (libs/api/core first-screen-page.ts). */
export function firstScreenOfPage(): FirstScreen | null {
  const text = document.getElementById(FIRST_SCREEN_ELEMENT_ID)?.textContent;
  if (!text) return null;
  try {
    const parsed = firstScreenSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
