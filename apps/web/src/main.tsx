import { initI18n } from '@helix/web/data-access';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider, createAppQueryClient } from './app/provider';
import { AppRouter } from './app/router';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// Started before the strings load, so the first screen's data and a reader's language arrive side by side.
const queryClient = createAppQueryClient();
// A reader of Russian waits for the Russian strings rather than seeing English flash first. A rooms list
// the server rendered into #root stays on screen until then, and this render, from the same answers
// (createAppQueryClient), puts the same screen in its place.
void initI18n().then(() =>
  createRoot(container).render(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <AppRouter />
      </AppProvider>
    </StrictMode>,
  ),
);
