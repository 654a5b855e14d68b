import { RedirectIfSignedIn, RequireAuth } from '@helix/web/auth';
import { RoomShell, RoomShortLinkPage } from '@helix/web/discussion';
import { Spinner } from '@helix/web/ui';
import { lazy, Suspense, useEffect, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AppLayout } from './routes/app-layout';
import { NotFoundRoute } from './routes/not-found';
import { RoomsRoute } from './routes/rooms';
import { SignInRoute } from './routes/sign-in';
import { SignUpRoute } from './routes/sign-up';

/** One named screen of a module that holds several, loaded on demand. */
function lazyNamed<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

// The first screen is the rooms list: the initiatives' screens (and their strings) load when opened.
// A room and a thread are the second screen: they load while the first is read (see prefetchRoomScreens).
const loadRoom = () => import('./routes/room');
const loadThread = () => import('./routes/thread');
const RoomRoute = lazyNamed(loadRoom, 'RoomRoute');
const ThreadRoute = lazyNamed(loadThread, 'ThreadRoute');

/** Once the first screen is up, fetch the room and thread screens, so opening a room waits for nothing. */
function prefetchRoomScreens(): void {
  const fetchBoth = () => void Promise.all([loadRoom(), loadThread()]).catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(fetchBoth, { timeout: 3000 });
  else setTimeout(fetchBoth, 1000);
}

const loadInitiatives = () => import('./routes/initiatives');
const InitiativesRoute = lazyNamed(loadInitiatives, 'InitiativesRoute');
const NewInitiativeRoute = lazyNamed(loadInitiatives, 'NewInitiativeRoute');
const InitiativeRoute = lazyNamed(loadInitiatives, 'InitiativeRoute');
const EditInitiativeRoute = lazyNamed(loadInitiatives, 'EditInitiativeRoute');
const OutcomeRoute = lazyNamed(loadInitiatives, 'OutcomeRoute');

const PresentPollRoute = lazy(() => import('./routes/present-poll'));
const PresentRoomRoute = lazy(() => import('./routes/present-room'));
const PresentStatementsRoute = lazy(() => import('./routes/present-statements'));
const StatementsRoute = lazy(() => import('./routes/statements'));
// Moderators only, and the initial JavaScript is at its budget: the console loads when opened.
const ModerateRoomRoute = lazy(() => import('./routes/moderate-room'));
// Admins only: loads when opened.
const AdminSystemRoute = lazy(() => import('./routes/admin-system'));
// The organizer's screens, the agenda, the public outcome and /join: one chunk, loaded when first opened.
const forumsPage = (page: 'ForumsPage' | 'ForumPage' | 'AgendaPage' | 'PublicOutcomePage' | 'JoinPage') => ({
  lazy: async () => ({ Component: (await import('@helix/web/forums'))[page] }),
});
const EmailLinkRoute = lazy(() => import('./routes/email-link'));
const ResetPasswordRoute = lazy(() => import('./routes/reset-password'));
const SignInLinkRoute = lazy(() => import('./routes/sign-in-link'));
const BadgeSignInRoute = lazy(() => import('./routes/badge-sign-in'));
// Organizers only: the roster import and the badge sheet load when opened.
const rosterPage = (page: 'RosterPage' | 'BadgeSheetPage') => ({
  lazy: async () => ({ Component: (await import('@helix/web/roster'))[page] }),
});
// Staff only: the directory and the outbox load when opened.
const PeopleRoute = lazy(() => import('./routes/people'));
const OutboxRoute = lazy(() => import('./routes/outbox'));
const SearchRoute = lazyNamed(() => import('@helix/web/search'), 'ForumSearchPage');
const InvitationsRoute = lazy(() => import('./routes/invitations'));
const InviteRoute = lazy(() => import('./routes/invite'));
// One's own account: opened now and then, so it loads when opened.
const ProfileRoute = lazy(() => import('./routes/profile'));
const MentionsRoute = lazy(() => import('./routes/mentions'));

/** A route's screen that loads when first opened, with a spinner meanwhile. */
const lazily = (element: ReactNode) => <Suspense fallback={<Spinner />}>{element}</Suspense>;

const router = createBrowserRouter([
  {
    // Full screen for the hall's projector: no app header, but a signed-in session all the same.
    element: <RequireAuth />,
    children: [
      {
        path: '/present/poll/:pollId',
        element: lazily(<PresentPollRoute />),
      },
      {
        path: '/present/rooms/:roomId',
        element: lazily(<PresentRoomRoute />),
      },
      {
        path: '/present/rooms/:roomId/statements',
        element: (
          <Suspense fallback={<Spinner />}>
            <PresentStatementsRoute />
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
          { path: '/forgot-password', element: lazily(<EmailLinkRoute kind="password-reset" />) },
          { path: '/sign-in-by-email', element: lazily(<EmailLinkRoute kind="sign-in-link" />) },
        ],
      },
      // Opened from an e-mail, signed in or not: the link decides who is signed in afterwards.
      { path: '/reset-password', element: lazily(<ResetPasswordRoute />) },
      { path: '/sign-in-link', element: lazily(<SignInLinkRoute />) },
      // A badge's QR code: it signs in the device that opens it, unless that device is signed in already.
      { path: '/b/:token', element: lazily(<BadgeSignInRoute />) },
      // An invitation link: signed out, it offers to sign up or in and comes back to be accepted.
      { path: '/invite/:token', element: lazily(<InviteRoute />) },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <Navigate to="/rooms" replace /> },
          { path: '/rooms', element: <RoomsRoute /> },
          { path: '/profile', element: lazily(<ProfileRoute />) },
          // A room's QR code and printed link: signed-out visitors sign in first, then land in the room.
          { path: '/r/:slug', element: <RoomShortLinkPage /> },
          {
            path: '/rooms/:roomId',
            element: <RoomShell />,
            children: [
              { index: true, element: lazily(<RoomRoute />) },
              { path: 'threads/:threadId', element: lazily(<ThreadRoute />) },
              {
                path: 'statements',
                element: (
                  <Suspense fallback={<Spinner />}>
                    <StatementsRoute />
                  </Suspense>
                ),
              },
              {
                path: 'moderate',
                element: lazily(<ModerateRoomRoute />),
              },
            ],
          },
          { path: '/initiatives', element: lazily(<InitiativesRoute />) },
          { path: '/initiatives/new', element: lazily(<NewInitiativeRoute />) },
          { path: '/initiatives/:initiativeId', element: lazily(<InitiativeRoute />) },
          { path: '/initiatives/:initiativeId/edit', element: lazily(<EditInitiativeRoute />) },
          { path: '/outcome', element: lazily(<OutcomeRoute />) },
          { path: '/forums', ...forumsPage('ForumsPage') },
          { path: '/forums/:forumId', ...forumsPage('ForumPage') },
          { path: '/forums/:forumId/agenda', ...forumsPage('AgendaPage') },
          { path: '/forums/:forumId/roster', ...rosterPage('RosterPage') },
          { path: '/forums/:forumId/badges', ...rosterPage('BadgeSheetPage') },
          { path: '/search', element: lazily(<SearchRoute />) },
          { path: '/forums/:forumId/invitations', element: lazily(<InvitationsRoute />) },
          { path: '/people', element: lazily(<PeopleRoute />) },
          { path: '/mentions', element: lazily(<MentionsRoute />) },
          { path: '/admin/outbox', element: lazily(<OutboxRoute />) },
          { path: '/admin/system', element: lazily(<AdminSystemRoute />) },
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
  useEffect(prefetchRoomScreens, []);
  return <RouterProvider router={router} />;
}
