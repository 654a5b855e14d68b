import { RedirectIfSignedIn, RequireAuth } from '@helix/web/auth';
import { RoomShell, RoomShortLinkPage } from '@helix/web/discussion';
import { Spinner } from '@helix/web/ui';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './routes/app-layout';
import {
  EditInitiativeRoute,
  InitiativeRoute,
  InitiativesRoute,
  NewInitiativeRoute,
  OutcomeRoute,
} from './routes/initiatives';
import { NotFoundRoute } from './routes/not-found';
import { RoomRoute } from './routes/room';
import { RoomsRoute } from './routes/rooms';
import { SignInRoute } from './routes/sign-in';
import { SignUpRoute } from './routes/sign-up';
import { ThreadRoute } from './routes/thread';

const PresentPollRoute = lazy(() => import('./routes/present-poll'));
const PresentRoomRoute = lazy(() => import('./routes/present-room'));
// Moderators only, and the initial JavaScript is at its budget: the console loads when opened.
const ModerateRoomRoute = lazy(() => import('./routes/moderate-room'));
// Admins only: loads when opened.
const AdminSystemRoute = lazy(() => import('./routes/admin-system'));

const router = createBrowserRouter([
  {
    // Full screen for the hall's projector: no app header, but a signed-in session all the same.
    element: <RequireAuth />,
    children: [
      {
        path: '/present/poll/:pollId',
        element: (
          <Suspense fallback={<Spinner />}>
            <PresentPollRoute />
          </Suspense>
        ),
      },
      {
        path: '/present/rooms/:roomId',
        element: (
          <Suspense fallback={<Spinner />}>
            <PresentRoomRoute />
          </Suspense>
        ),
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
                element: (
                  <Suspense fallback={<Spinner />}>
                    <ModerateRoomRoute />
                  </Suspense>
                ),
              },
            ],
          },
          { path: '/initiatives', element: <InitiativesRoute /> },
          { path: '/initiatives/new', element: <NewInitiativeRoute /> },
          { path: '/initiatives/:initiativeId', element: <InitiativeRoute /> },
          { path: '/initiatives/:initiativeId/edit', element: <EditInitiativeRoute /> },
          { path: '/outcome', element: <OutcomeRoute /> },
          {
            path: '/admin/system',
            element: (
              <Suspense fallback={<Spinner />}>
                <AdminSystemRoute />
              </Suspense>
            ),
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
