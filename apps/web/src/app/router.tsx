import { RedirectIfSignedIn, RequireAuth } from '@helix/web/auth';
import { RoomShell, RoomShortLinkPage } from '@helix/web/discussion';
import { Spinner } from '@helix/web/ui';
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './routes/app-layout';
import { NotFoundRoute } from './routes/not-found';
import { RoomRoute } from './routes/room';
import { RoomsRoute } from './routes/rooms';
import { SignInRoute } from './routes/sign-in';
import { SignUpRoute } from './routes/sign-up';
import { ThreadRoute } from './routes/thread';

/** A route's screen that loads when first opened, with a spinner meanwhile. */
function suspended(Screen: LazyExoticComponent<ComponentType>) {
  return (
    <Suspense fallback={<Spinner />}>
      <Screen />
    </Suspense>
  );
}

/** One named screen of a module that holds several, loaded on demand. */
function lazyNamed<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// The first screen is the rooms list: the initiatives' screens (and their strings) load when opened.
const loadInitiatives = () => import('./routes/initiatives');
const InitiativesRoute = lazyNamed(loadInitiatives, 'InitiativesRoute');
const NewInitiativeRoute = lazyNamed(loadInitiatives, 'NewInitiativeRoute');
const InitiativeRoute = lazyNamed(loadInitiatives, 'InitiativeRoute');
const EditInitiativeRoute = lazyNamed(loadInitiatives, 'EditInitiativeRoute');
const OutcomeRoute = lazyNamed(loadInitiatives, 'OutcomeRoute');

const PresentPollRoute = lazy(() => import('./routes/present-poll'));
const PresentRoomRoute = lazy(() => import('./routes/present-room'));
// Moderators only, and the initial JavaScript is at its budget: the console loads when opened.
const ModerateRoomRoute = lazy(() => import('./routes/moderate-room'));
// Admins only: loads when opened.
const AdminSystemRoute = lazy(() => import('./routes/admin-system'));
// The organizer's screens, the agenda, the public outcome and /join: one chunk, loaded when first opened.
const forumsPage = (page: 'ForumsPage' | 'ForumPage' | 'AgendaPage' | 'PublicOutcomePage' | 'JoinPage') => ({
  lazy: async () => ({ Component: (await import('@helix/web/forums'))[page] }),
});

const router = createBrowserRouter([
  {
    // Full screen for the hall's projector: no app header, but a signed-in session all the same.
    element: <RequireAuth />,
    children: [
      {
        path: '/present/poll/:pollId',
        element: suspended(PresentPollRoute),
      },
      {
        path: '/present/rooms/:roomId',
        element: suspended(PresentRoomRoute),
      },
    ],
  },
  {
    element: <AppLayout />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: '/sign-in', element: <SignInRoute /> },
          { path: '/sign-up', element: <SignUpRoute /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <Navigate to="/rooms" replace /> },
          { path: '/rooms', element: <RoomsRoute /> },
          // A room's QR code and printed link: signed-out visitors sign in first, then land in the room.
          { path: '/r/:slug', element: <RoomShortLinkPage /> },
          {
            path: '/rooms/:roomId',
            element: <RoomShell />,
            children: [
              { index: true, element: <RoomRoute /> },
              { path: 'threads/:threadId', element: <ThreadRoute /> },
              {
                path: 'moderate',
                element: suspended(ModerateRoomRoute),
              },
            ],
          },
          { path: '/initiatives', element: suspended(InitiativesRoute) },
          { path: '/initiatives/new', element: suspended(NewInitiativeRoute) },
          { path: '/initiatives/:initiativeId', element: suspended(InitiativeRoute) },
          { path: '/initiatives/:initiativeId/edit', element: suspended(EditInitiativeRoute) },
          { path: '/outcome', element: suspended(OutcomeRoute) },
          { path: '/forums', ...forumsPage('ForumsPage') },
          { path: '/forums/:forumId', ...forumsPage('ForumPage') },
          { path: '/forums/:forumId/agenda', ...forumsPage('AgendaPage') },
          { path: '/admin/system', element: suspended(AdminSystemRoute) },
        ],
      },
      // For anyone, signed in or not: what a forum decided, and the join code typed from the hall's screen.
      { path: '/outcome/:slug', ...forumsPage('PublicOutcomePage') },
      { path: '/join', ...forumsPage('JoinPage') },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
