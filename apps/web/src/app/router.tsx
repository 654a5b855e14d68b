import { RedirectIfSignedIn, RequireAuth } from '@helix/web/auth';
import { RoomShell } from '@helix/web/discussion';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './routes/app-layout';
import { NotFoundRoute } from './routes/not-found';
import { RoomRoute } from './routes/room';
import { RoomsRoute } from './routes/rooms';
import { SignInRoute } from './routes/sign-in';
import { SignUpRoute } from './routes/sign-up';
import { ThreadRoute } from './routes/thread';

const router = createBrowserRouter([
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
          {
            path: '/rooms/:roomId',
            element: <RoomShell />,
            children: [
              { index: true, element: <RoomRoute /> },
              { path: 'threads/:threadId', element: <ThreadRoute /> },
            ],
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
