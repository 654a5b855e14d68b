// The rooms list as the server sends it to a signed-in reader, before any JavaScript has arrived (built by
// `vite build --ssr` into the build's .ssr folder, loaded by libs/api/core first-screen-page.ts). A phone on
// the venue's network used to look at a white page for the ~1.5 s its scripts take to download; now it
// reads its rooms, and the app renders the same screen over this one once it runs (main.tsx).
import type { FirstScreen } from '@helix/contract';
import {
  createQueryClient,
  seedFirstScreen,
  ServerSessionContext,
  type LanguageCode,
} from '@helix/web/data-access';
import { pageI18n } from '@helix/web/data-access/server';
import { QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { Route, Routes, StaticRouter } from 'react-router';
import { AppLayout } from './app/routes/app-layout';
import { RoomsRoute } from './app/routes/rooms';

/** The pages the server renders, a part of the app's router (router.tsx) that needs no guard: it has one. */
export const FIRST_SCREEN_PATHS = ['/rooms'];

export function renderFirstScreen(page: {
  path: string;
  language: LanguageCode;
  screen: FirstScreen;
}): string {
  const queryClient = createQueryClient();
  seedFirstScreen(queryClient, page.screen);
  return renderToString(
    <ServerSessionContext.Provider value={true}>
      <I18nextProvider i18n={pageI18n(page.language)}>
        <QueryClientProvider client={queryClient}>
          <StaticRouter location={page.path}>
            <Routes>
              <Route element={<AppLayout />}>
                <Route path="/rooms" element={<RoomsRoute />} />
              </Route>
            </Routes>
          </StaticRouter>
        </QueryClientProvider>
      </I18nextProvider>
    </ServerSessionContext.Provider>,
  );
}
