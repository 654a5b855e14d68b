import type {
  AgendaSession,
  Amendment,
  ErrorCode,
  Forum,
  Initiative,
  Invitation,
  Message,
  Pledge,
  Poll,
  Question,
  Room,
  RosterEntry,
  Statement,
  Thread,
} from '@helix/contract';
import { documentLine, HELIX_VERSION, SCHEMA_VERSION } from '@helix/api/core';
import { DEFAULT_CONSENSUS_RULE } from '@helix/consensus';
import { Types } from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { io } from 'socket.io-client';
import { gatewayEvents } from './support/gateway-events';
import {
  ADMIN_EMAIL,
  bearer,
  emitWithAck,
  startTestApp,
  type TestApp,
  type TestSocket,
  type TestUser,
} from './support/test-app';

/*
 * Who may do what, for every REST operation in the OpenAPI document and every client socket event.
 *
 * Actors: `anonymous` (no token), `participant`, `moderator`, `admin` (registered through ADMIN_EMAILS:
 * roles participant + admin, not moderator), and for resources with an owner `author` (who wrote the
 * message / proposed the initiative) vs `otherParticipant`. A row names every actor that applies to it;
 * owned resources name `author` and `otherParticipant` instead of `participant`.
 *
 * Each case sends a fresh, valid request so that the only variable is who asks: a 400 would hide a 403.
 * A row marked `// CONTRACT GAP:` holds the API's current answer where CONTRACT.md is silent (an endpoint
 * or event it does not list, or whether `admin` counts as a moderator where it says only "moderator").
 */

type Actor = 'anonymous' | 'participant' | 'author' | 'otherParticipant' | 'moderator' | 'admin';
type SignedIn = Exclude<Actor, 'anonymous'>;
type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type SocketResult = 'ok' | ErrorCode;

const ACTORS: readonly Actor[] = [
  'anonymous',
  'participant',
  'author',
  'otherParticipant',
  'moderator',
  'admin',
];
const PASSWORD = 'correct horse battery';

interface Fixtures {
  users: Record<SignedIn, TestUser>;
  sockets: Record<SignedIn, TestSocket>;
  room: Room;
  /** A thread of `room`, started by the author; never locked. */
  thread: Thread;
  /** A thread only the PATCH row touches (pinning). */
  pinThread: Thread;
  /** A message by the author, for reactions. */
  message: Message;
  openPoll: Poll;
  draftPoll: Poll;
  /** A draft by the author that only PATCH touches. */
  draftInitiative: Initiative;
  votingInitiative: Initiative;
  /** Adopted, by the author alone, with a pledge of the author's organisation. */
  adoptedInitiative: Initiative;
  pledge: Pledge;
  /** An approved audience question (the room does not review questions), for upvotes. */
  question: Question;
  /** The live forum (the seed), its outcome published so the public row can read it. */
  forum: Forum;
  /** Whose roles the admin row sets. */
  roleTarget: TestUser;
  /** Whose credentials the login row uses. */
  loginUser: TestUser;
  fresh: {
    draftPoll(): Promise<Poll>;
    openPoll(): Promise<Poll>;
    openWordCloud(): Promise<Poll>;
    draftInitiative(): Promise<Initiative>;
    votingInitiative(): Promise<Initiative>;
    /** A voting initiative by the author that the other participant blocks, and an amendment answering it. */
    blockedInitiative(): Promise<Initiative>;
    amendment(): Promise<Amendment>;
    question(): Promise<Question>;
    /** A statement waiting for review (submitted by the other participant). */
    pendingStatement(): Promise<Statement>;
    /** An approved statement nobody voted on (a moderator's is approved at once). */
    approvedStatement(): Promise<Statement>;
    message(): Promise<Message>;
    refreshToken(): Promise<string>;
    /** A new account's sign-in: its id and its session's, as the access token names it (`sid`). */
    signIn(): Promise<{ userId: string; sessionId: string }>;
    /** A new account's waiting request to move to the business group: its id. */
    groupChange(): Promise<string>;
    /** A thread by the other participant. */
    thread(): Promise<Thread>;
    /** A draft forum by the admin: nobody but its organizers sees it. */
    draftForum(): Promise<Forum>;
    /** A future session of the agenda in `room`. */
    session(): Promise<AgendaSession>;
    /** A person just imported into the forum's roster, with their badge. */
    rosterEntry(): Promise<RosterEntry>;
    /** A participant invitation to the live forum, by the admin, usable once. */
    invitation(): Promise<Invitation>;
  };
}

interface RestRequest {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: object;
}

interface RestRow {
  method: HttpMethod;
  /** As in the OpenAPI document. */
  path: string;
  expect: Partial<Record<Actor, number>>;
  request?: (f: Fixtures, actor: Actor) => RestRequest | Promise<RestRequest>;
}

interface SocketRow {
  event: string;
  expect: Partial<Record<SignedIn, SocketResult>>;
  payload: (f: Fixtures, actor: SignedIn) => object | Promise<object>;
}

/** An amendment answering the other participant's block (see `fresh.blockedInitiative`). */
const amendmentBody = (f: Fixtures) => ({
  summary: 'Businesses host students for a term; the region pays the stipends',
  answersObjections: [f.users.otherParticipant.user.id],
  rationale: 'Says who pays',
});

const pledgeBody = {
  kind: 'money',
  description: 'Stipends for two interns',
  owner: 'The author',
  dueDate: '2030-01-01T00:00:00.000Z',
};

const unique = (prefix: string): string => `${prefix}-${randomBytes(5).toString('hex')}`;
const invitationBody = () => ({
  role: 'participant',
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  maxUses: 1,
});
const invitationToken = (invitation: Invitation): string =>
  new URL(invitation.link).pathname.split('/').pop() as string;

/** A registration list of one person. */
const rosterFile = (email: string) => ({
  format: 'csv',
  content: `name,email,organization,group\nBadge holder,${email},TSU,university`,
});

// Everyone signed in gets the same answer; anonymous gets 401.
const signedIn = (status: number): Partial<Record<Actor, number>> => ({
  anonymous: 401,
  participant: status,
  moderator: status,
  admin: status,
});
// Moderators and admins only (the contract says "moderator or admin").
const staff = (status: number): Partial<Record<Actor, number>> => ({
  anonymous: 401,
  participant: 403,
  moderator: status,
  admin: status,
});
// Admins and the forum's organizers (the fixtures name no organizer besides the admin).
const organizers = (status: number): Partial<Record<Actor, number>> => ({
  anonymous: 401,
  participant: 403,
  moderator: 403,
  admin: status,
});
const forumBody = (slug: string) => ({
  slug,
  title: { en: 'Matrix forum', ru: 'Форум матрицы' },
  description: 'A forum of the authorization matrix',
  startsAt: '2030-05-01T07:00:00.000Z',
  endsAt: '2030-05-03T16:00:00.000Z',
  timeZone: 'Asia/Tomsk',
});
/** The smallest forum archive: its manifest and one draft forum, new each time. */
function draftArchive(): Buffer {
  const _id = new Types.ObjectId();
  const slug = unique('imported');
  const manifest = {
    format: 'helix-forum',
    helixVersion: HELIX_VERSION,
    schemaVersion: SCHEMA_VERSION,
    createdAt: new Date().toISOString(),
    forumId: _id.toHexString(),
    slug,
    collections: { forums: 1 },
    reports: [],
  };
  const forum = {
    ...forumBody(slug),
    _id,
    description: { en: 'Imported', ru: 'Импортирован' },
    title: { en: 'Imported', ru: 'Импортирован' },
    venue: { en: '', ru: '' },
    status: 'draft',
    startsAt: new Date('2030-05-01T07:00:00.000Z'),
    endsAt: new Date('2030-05-03T16:00:00.000Z'),
    joinCode: randomBytes(3).toString('hex').toUpperCase(),
    outcomePublished: false,
    organizerIds: [],
    openedAt: null,
    closedAt: null,
    createdAt: new Date(),
    version: 1,
  };
  return gzipSync(`${JSON.stringify(manifest)}\n${documentLine('forums', forum)}`);
}
const sessionBody = () => ({
  title: 'Matrix session',
  startsAt: '2030-05-01T08:00:00.000Z',
  endsAt: '2030-05-01T09:00:00.000Z',
});
const everyone = (status: number): Partial<Record<Actor, number>> => ({
  anonymous: status,
  participant: status,
  moderator: status,
  admin: status,
});

const REST_TABLE: RestRow[] = [
  // Health
  { method: 'GET', path: '/api/health', expect: everyone(200) },
  { method: 'GET', path: '/api/health/live', expect: everyone(200) },
  { method: 'GET', path: '/api/health/ready', expect: everyone(200) },

  // Operations
  // Admins only, which `organizers` is for routes with no forum.
  { method: 'GET', path: '/api/admin/system', expect: organizers(200) },

  // Accounts
  {
    method: 'POST',
    path: '/api/auth/register',
    expect: everyone(201),
    request: () => ({
      body: {
        email: `${unique('new')}@helix.test`,
        password: PASSWORD,
        displayName: 'Newcomer',
        organization: 'Tomsk Polytechnic University',
        stakeholderGroup: 'university',
      },
    }),
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    expect: everyone(200),
    request: (f) => ({ body: { email: f.loginUser.user.email, password: PASSWORD } }),
  },
  {
    method: 'POST',
    path: '/api/auth/refresh',
    expect: everyone(200),
    request: async (f) => ({ body: { refreshToken: await f.fresh.refreshToken() } }),
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    expect: everyone(204),
    request: async (f) => ({ body: { refreshToken: await f.fresh.refreshToken() } }),
  },
  { method: 'GET', path: '/api/auth/me', expect: signedIn(200) },
  {
    method: 'PATCH',
    path: '/api/auth/me',
    expect: signedIn(200),
    request: () => ({ body: { language: 'en' } }),
  },
  { method: 'GET', path: '/api/auth/me/export', expect: signedIn(200) },
  // Everyone signed in may delete their own account; a wrong password stops each actor here before it
  // happens (leaving.spec.ts deletes accounts for real).
  {
    method: 'DELETE',
    path: '/api/auth/me',
    expect: signedIn(403),
    request: () => ({ body: { password: 'not the password' } }),
  },
  {
    method: 'POST',
    path: '/api/auth/me/group-change',
    expect: signedIn(201),
    request: () => ({ body: { group: 'civil_society' } }),
  },
  { method: 'GET', path: '/api/auth/me/group-change', expect: signedIn(200) },
  {
    method: 'POST',
    path: '/api/auth/password-reset',
    expect: everyone(202),
    request: () => ({ body: { email: `${unique('reset')}@helix.test` } }),
  },
  // An e-mailed token is anyone's who holds it: a wrong one is 400 whoever sends it (password-reset.spec.ts
  // uses real ones).
  {
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    expect: everyone(400),
    request: () => ({ body: { token: unique('not-a-real-reset-token'), password: PASSWORD } }),
  },
  {
    method: 'POST',
    path: '/api/auth/sign-in-link',
    expect: everyone(202),
    request: () => ({ body: { email: `${unique('link')}@helix.test` } }),
  },
  {
    method: 'POST',
    path: '/api/auth/sign-in-link/confirm',
    expect: everyone(400),
    request: () => ({ body: { token: unique('not-a-real-sign-in-token') } }),
  },
  // People directory: admins, organizers and moderators see it; only admins change roles or end sessions.
  { method: 'GET', path: '/api/people', expect: staff(200) },
  {
    method: 'GET',
    path: '/api/people/{id}',
    expect: staff(200),
    request: (f) => ({ params: { id: f.roleTarget.user.id } }),
  },
  {
    method: 'PATCH',
    path: '/api/people/{id}/roles',
    expect: organizers(200),
    request: (f) => ({ params: { id: f.roleTarget.user.id }, body: { roles: ['participant'] } }),
  },
  {
    method: 'GET',
    path: '/api/people/{id}/role-changes',
    expect: staff(200),
    request: (f) => ({ params: { id: f.roleTarget.user.id } }),
  },
  {
    method: 'GET',
    path: '/api/people/{id}/sessions',
    expect: organizers(200),
    request: (f) => ({ params: { id: f.roleTarget.user.id } }),
  },
  {
    method: 'DELETE',
    path: '/api/people/{id}/sessions/{sessionId}',
    expect: organizers(204),
    request: async (f) => {
      const { userId, sessionId } = await f.fresh.signIn();
      return { params: { id: userId, sessionId } };
    },
  },
  {
    method: 'DELETE',
    path: '/api/people/{id}/sessions',
    expect: organizers(204),
    request: (f) => ({ params: { id: f.roleTarget.user.id } }),
  },
  // Invitations: admins and the forum's organizers make, list and revoke them; the link is anyone's who holds it.
  {
    method: 'POST',
    path: '/api/forums/{forumId}/invitations',
    expect: organizers(201),
    request: (f) => ({ params: { forumId: f.forum.id }, body: invitationBody() }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}/invitations',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },
  {
    method: 'POST',
    path: '/api/invitations/{invitationId}/revoke',
    expect: organizers(200),
    request: async (f) => ({ params: { invitationId: (await f.fresh.invitation()).id } }),
  },
  {
    method: 'POST',
    path: '/api/invitations/preview',
    expect: everyone(200),
    request: async (f) => ({ body: { token: invitationToken(await f.fresh.invitation()) } }),
  },
  {
    method: 'POST',
    path: '/api/invitations/accept',
    expect: signedIn(200),
    request: async (f) => ({ body: { token: invitationToken(await f.fresh.invitation()) } }),
  },
  // Group changes: admins and forum organizers decide them (not moderators).
  { method: 'GET', path: '/api/people/group-changes', expect: organizers(200) },
  {
    method: 'POST',
    path: '/api/people/group-changes/{id}/approve',
    expect: organizers(200),
    request: async (f) => ({ params: { id: await f.fresh.groupChange() } }),
  },
  {
    method: 'POST',
    path: '/api/people/group-changes/{id}/decline',
    expect: organizers(200),
    request: async (f) => ({ params: { id: await f.fresh.groupChange() } }),
  },
  {
    method: 'GET',
    path: '/api/admin/outbox',
    expect: { anonymous: 401, participant: 403, moderator: 403, admin: 200 },
  },
  {
    method: 'PATCH',
    path: '/api/users/{id}/roles',
    expect: { anonymous: 401, participant: 403, moderator: 403, admin: 200 },
    request: (f) => ({ params: { id: f.roleTarget.user.id }, body: { roles: ['participant'] } }),
  },

  // Forums, rooms and the agenda: admins organize every forum; moderators and participants none.
  { method: 'GET', path: '/api/forums', expect: signedIn(200) },
  {
    method: 'POST',
    path: '/api/forums',
    expect: organizers(201),
    request: () => ({ body: forumBody(unique('forum')) }),
  },
  {
    method: 'GET',
    path: '/api/forums/join',
    expect: everyone(200),
    request: (f) => ({ query: { code: f.forum.joinCode } }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}',
    expect: signedIn(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },
  {
    method: 'PATCH',
    path: '/api/forums/{forumId}',
    // A draft is invisible to those who do not organize it.
    expect: { ...organizers(200), participant: 404, moderator: 404 },
    request: async (f) => ({
      params: { forumId: (await f.fresh.draftForum()).id },
      body: { venue: 'Tomsk' },
    }),
  },
  {
    method: 'POST',
    path: '/api/forums/{forumId}/open',
    // Another forum is live: the admin may, but not now.
    expect: { ...organizers(409), participant: 404, moderator: 404 },
    request: async (f) => ({ params: { forumId: (await f.fresh.draftForum()).id } }),
  },
  {
    method: 'POST',
    path: '/api/forums/{forumId}/close',
    expect: { ...organizers(409), participant: 404, moderator: 404 },
    request: async (f) => ({ params: { forumId: (await f.fresh.draftForum()).id } }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}/organizers',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },
  {
    method: 'PUT',
    path: '/api/forums/{forumId}/organizers',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id }, body: { email: f.roleTarget.user.email } }),
  },
  {
    method: 'DELETE',
    path: '/api/forums/{forumId}/organizers/{userId}',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id, userId: f.loginUser.user.id } }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}/stats',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}/export',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },
  // A forum's roster: its organizers import it and manage badges; anyone holding a badge link signs in.
  {
    method: 'POST',
    path: '/api/forums/{forumId}/roster',
    expect: organizers(200),
    request: (f) => ({
      params: { forumId: f.forum.id },
      query: { dryRun: 'true' },
      body: rosterFile(`${unique('roster')}@helix.test`),
    }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}/roster',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },
  {
    method: 'POST',
    path: '/api/forums/{forumId}/roster/{entryId}/badge',
    expect: organizers(200),
    request: async (f) => ({ params: { forumId: f.forum.id, entryId: (await f.fresh.rosterEntry()).id } }),
  },
  {
    method: 'DELETE',
    path: '/api/forums/{forumId}/roster/{entryId}/badge',
    expect: organizers(204),
    request: async (f) => ({ params: { forumId: f.forum.id, entryId: (await f.fresh.rosterEntry()).id } }),
  },
  {
    method: 'POST',
    path: '/api/badges/sign-in',
    expect: everyone(200),
    request: async (f) => ({
      body: { token: (await f.fresh.rosterEntry()).badgeToken, deviceId: randomUUID() },
    }),
  },
  // Admins only; each asks with an archive of a draft forum this instance does not hold yet.
  {
    method: 'POST',
    path: '/api/forums/import',
    expect: organizers(201),
    request: () => ({ body: draftArchive() }),
  },
  {
    method: 'GET',
    path: '/api/public/forums/{slug}/outcome',
    expect: everyone(200),
    request: (f) => ({ params: { slug: f.forum.slug } }),
  },
  {
    method: 'POST',
    path: '/api/forums/{forumId}/rooms',
    expect: organizers(201),
    request: (f) => ({
      params: { forumId: f.forum.id },
      body: { kind: 'session', title: unique('Side event') },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/rooms/{roomId}',
    expect: organizers(200),
    request: (f) => ({
      params: { roomId: f.room.id },
      body: { keyQuestions: { en: ['Where do we start?'] } },
    }),
  },
  {
    method: 'PUT',
    path: '/api/forums/{forumId}/rooms/order',
    expect: organizers(200),
    request: (f) => ({ params: { forumId: f.forum.id }, body: { roomIds: [f.room.id] } }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}/agenda',
    expect: signedIn(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/sessions',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id } }),
  },
  {
    method: 'POST',
    path: '/api/rooms/{roomId}/sessions',
    expect: organizers(201),
    request: (f) => ({ params: { roomId: f.room.id }, body: sessionBody() }),
  },
  {
    method: 'PATCH',
    path: '/api/sessions/{sessionId}',
    expect: organizers(200),
    request: async (f) => ({
      params: { sessionId: (await f.fresh.session()).id },
      body: { speakers: ['Someone'] },
    }),
  },
  {
    method: 'DELETE',
    path: '/api/sessions/{sessionId}',
    expect: organizers(204),
    request: async (f) => ({ params: { sessionId: (await f.fresh.session()).id } }),
  },

  {
    method: 'GET',
    path: '/api/forums/{forumId}/search',
    expect: signedIn(200),
    request: (f) => ({ params: { forumId: f.forum.id }, query: { q: 'start' } }),
  },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/search',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id }, query: { q: 'start' } }),
  },

  // Rooms and threads
  { method: 'GET', path: '/api/rooms', expect: signedIn(200) },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/threads',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id } }),
  },
  {
    method: 'POST',
    path: '/api/rooms/{roomId}/threads',
    expect: signedIn(201),
    request: (f) => ({ params: { roomId: f.room.id }, body: { title: 'Matrix thread' } }),
  },
  {
    method: 'PATCH',
    path: '/api/rooms/{roomId}/threads/{threadId}',
    // CONTRACT GAP: pinning/locking threads is not in the contract; the API lets moderators and admins.
    expect: staff(200),
    request: (f) => ({ params: { roomId: f.room.id, threadId: f.pinThread.id }, body: { pinned: true } }),
  },
  {
    method: 'DELETE',
    path: '/api/rooms/{roomId}/threads/{threadId}',
    // Its author too, while nobody else wrote in it (threads.spec.ts); here the author is not asking.
    expect: staff(204),
    request: async (f) => ({
      params: { roomId: f.room.id, threadId: (await f.fresh.thread()).id },
    }),
  },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/messages',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id }, query: { threadId: f.thread.id, limit: '10' } }),
  },
  {
    method: 'POST',
    path: '/api/rooms/{roomId}/messages',
    // CONTRACT GAP: posting over REST is not in the contract (only `message:send`); the API lets everyone.
    expect: signedIn(201),
    request: (f) => ({
      params: { roomId: f.room.id },
      body: { threadId: f.thread.id, text: 'Hello over REST', clientId: unique('rest') },
    }),
  },

  // Mentions and unread counts: each person's own. CONTRACT GAP: not in the contract yet.
  { method: 'GET', path: '/api/me/mentions', expect: signedIn(200) },
  { method: 'GET', path: '/api/me/unread', expect: signedIn(200) },
  {
    method: 'PUT',
    path: '/api/rooms/{roomId}/read',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id }, body: { seq: 1 } }),
  },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/mentionable',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id }, query: { q: 'a' } }),
  },

  // Moderation. CONTRACT GAP: hiding, room settings and the moderation log are not in the contract.
  {
    method: 'POST',
    path: '/api/messages/{messageId}/hide',
    expect: staff(200),
    request: async (f) => ({
      params: { messageId: (await f.fresh.message()).id },
      body: { reason: 'Off topic' },
    }),
  },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/settings',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id } }),
  },
  {
    method: 'PATCH',
    path: '/api/rooms/{roomId}/settings',
    // The projector, not qaReview: the question rows rely on a room that does not review questions.
    expect: staff(200),
    request: (f) => ({ params: { roomId: f.room.id }, body: { projector: { kind: 'qa' } } }),
  },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/moderation-log',
    expect: staff(200),
    request: (f) => ({ params: { roomId: f.room.id } }),
  },

  // Polls
  {
    method: 'POST',
    path: '/api/rooms/{roomId}/polls',
    expect: staff(201),
    request: (f) => ({
      params: { roomId: f.room.id },
      body: { question: 'Which first?', options: ['Campus', 'Mobility'], multiple: false, anonymous: false },
    }),
  },
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/polls',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id } }),
  },
  {
    method: 'GET',
    path: '/api/polls/{pollId}',
    expect: signedIn(200),
    request: (f) => ({ params: { pollId: f.openPoll.id } }),
  },
  {
    method: 'PATCH',
    path: '/api/polls/{pollId}',
    // CONTRACT GAP: editing a draft poll is not in the contract; the API lets moderators and admins.
    expect: staff(200),
    request: (f) => ({ params: { pollId: f.draftPoll.id }, body: { question: 'Which first, really?' } }),
  },
  {
    method: 'POST',
    path: '/api/polls/{pollId}/open',
    expect: staff(200),
    request: async (f) => ({ params: { pollId: (await f.fresh.draftPoll()).id } }),
  },
  {
    method: 'POST',
    path: '/api/polls/{pollId}/close',
    expect: staff(200),
    request: async (f) => ({ params: { pollId: (await f.fresh.openPoll()).id } }),
  },
  {
    method: 'POST',
    path: '/api/polls/{pollId}/votes',
    expect: signedIn(200),
    request: (f) => ({ params: { pollId: f.openPoll.id }, body: { optionIds: [f.openPoll.options[0].id] } }),
  },
  {
    method: 'POST',
    path: '/api/polls/{pollId}/hidden-words',
    expect: staff(200),
    request: async (f) => ({
      params: { pollId: (await f.fresh.openWordCloud()).id },
      body: { word: 'spam' },
    }),
  },
  {
    method: 'GET',
    path: '/api/polls/{pollId}/results.csv',
    expect: signedIn(200),
    request: (f) => ({ params: { pollId: f.openPoll.id } }),
  },

  // Joint initiatives
  {
    method: 'POST',
    path: '/api/initiatives',
    expect: signedIn(201),
    request: (f) => ({
      body: {
        title: 'Joint lab',
        summary: 'A lab run together',
        roomId: f.room.id,
        partners: [{ organization: 'Tomsk City Administration', stakeholderGroup: 'government' }],
      },
    }),
  },
  { method: 'GET', path: '/api/initiatives', expect: signedIn(200) },
  // CONTRACT GAP: the outcome export is not in the contract; the API lets everyone signed in.
  { method: 'GET', path: '/api/initiatives/outcome.csv', expect: signedIn(200) },
  {
    method: 'GET',
    path: '/api/initiatives/{id}',
    expect: signedIn(200),
    request: (f) => ({ params: { id: f.votingInitiative.id } }),
  },
  {
    method: 'PATCH',
    path: '/api/initiatives/{id}',
    // "PATCH /api/initiatives/:id (proposer, while draft)": nobody else, moderators and admins included.
    expect: { anonymous: 401, author: 200, otherParticipant: 403, moderator: 403, admin: 403 },
    request: (f) => ({
      params: { id: f.draftInitiative.id },
      body: { summary: 'A lab run together, edited' },
    }),
  },
  {
    method: 'POST',
    path: '/api/initiatives/{id}/partners/accept',
    // Someone of the invited organisation and group answers for it, whatever their role: the draft invites
    // Tomsk State University (university), the organisation of the participant, the moderator and the admin.
    // The author's own organisation is a partner already (accepting again changes nothing).
    expect: {
      anonymous: 401,
      participant: 200,
      author: 200,
      otherParticipant: 403,
      moderator: 200,
      admin: 200,
    },
    request: async (f) => ({ params: { id: (await f.fresh.draftInitiative()).id } }),
  },
  {
    method: 'POST',
    path: '/api/initiatives/{id}/partners/decline',
    // As accepting; the author's own organisation cannot decline (409).
    expect: {
      anonymous: 401,
      participant: 200,
      author: 409,
      otherParticipant: 403,
      moderator: 200,
      admin: 200,
    },
    request: async (f) => ({ params: { id: (await f.fresh.draftInitiative()).id } }),
  },
  {
    method: 'POST',
    path: '/api/initiatives/{id}/voting/open',
    // CONTRACT GAP (admin): "proposer or moderator" says nothing of admins; the API lets them.
    expect: { anonymous: 401, author: 200, otherParticipant: 403, moderator: 200, admin: 200 },
    request: async (f) => ({ params: { id: (await f.fresh.draftInitiative()).id }, body: {} }),
  },
  {
    method: 'POST',
    path: '/api/initiatives/{id}/withdraw',
    // CONTRACT GAP: not in the contract. The proposer, a moderator of its room (forum-wide moderators and
    // admins moderate every room), or an organizer of its forum; nobody else.
    expect: { anonymous: 401, author: 200, otherParticipant: 403, moderator: 200, admin: 200 },
    request: async (f) => ({ params: { id: (await f.fresh.draftInitiative()).id } }),
  },
  {
    method: 'POST',
    path: '/api/initiatives/{id}/voting/close',
    // "(moderator)": not the proposer. CONTRACT GAP (admin): the contract is silent; the API lets admins.
    expect: { anonymous: 401, author: 403, otherParticipant: 403, moderator: 200, admin: 200 },
    request: async (f) => ({ params: { id: (await f.fresh.votingInitiative()).id } }),
  },
  {
    method: 'PUT',
    path: '/api/initiatives/{id}/vote',
    expect: signedIn(200),
    request: (f) => ({ params: { id: f.votingInitiative.id }, body: { position: 'agree' } }),
  },
  {
    method: 'GET',
    path: '/api/initiatives/{id}/votes/history',
    // CONTRACT GAP: the vote history is not in the contract; the API lets moderators and admins.
    expect: staff(200),
    request: (f) => ({ params: { id: f.votingInitiative.id } }),
  },

  // Amendments (issue 18): anyone proposes one while voting is open; only the proposer of the initiative answers.
  {
    method: 'POST',
    path: '/api/initiatives/{id}/amendments',
    expect: signedIn(201),
    request: async (f) => {
      const initiative = await f.fresh.blockedInitiative();
      return { params: { id: initiative.id }, body: amendmentBody(f) };
    },
  },
  {
    method: 'GET',
    path: '/api/initiatives/{id}/amendments',
    expect: signedIn(200),
    request: (f) => ({ params: { id: f.votingInitiative.id } }),
  },
  ...(['accept', 'decline'] as const).map((answer): RestRow => ({
    method: 'POST',
    path: `/api/initiatives/{id}/amendments/{amendmentId}/${answer}`,
    // CONTRACT GAP: not in the contract; the initiative's proposer only, moderators and admins included.
    expect: { anonymous: 401, author: 200, otherParticipant: 403, moderator: 403, admin: 403 },
    request: async (f) => {
      const amendment = await f.fresh.amendment();
      return {
        params: { id: amendment.initiativeId, amendmentId: amendment.id },
        body: { reason: 'Answered' },
      };
    },
  })),

  // Pledges (issue 18): a member of a confirmed partner, or a moderator, records and updates them.
  {
    method: 'POST',
    path: '/api/initiatives/{id}/pledges',
    // CONTRACT GAP: not in the contract. The other participant's organisation is no partner of it.
    expect: { anonymous: 401, author: 201, otherParticipant: 403, moderator: 201, admin: 201 },
    request: (f) => ({ params: { id: f.adoptedInitiative.id }, body: pledgeBody }),
  },
  {
    method: 'POST',
    path: '/api/initiatives/{id}/pledges/{pledgeId}/progress',
    expect: { anonymous: 401, author: 200, otherParticipant: 403, moderator: 200, admin: 200 },
    request: (f) => ({
      params: { id: f.adoptedInitiative.id, pledgeId: f.pledge.id },
      body: { percent: 10, note: 'Started' },
    }),
  },
  {
    method: 'GET',
    path: '/api/forums/{forumId}/pledges/overdue',
    expect: staff(200),
    request: (f) => ({ params: { forumId: f.forum.id } }),
  },

  // CONTRACT GAP: the forum's minimum consensus rule is not in the contract; everyone signed in reads it,
  // moderators and admins set it.
  { method: 'GET', path: '/api/consensus-rule', expect: signedIn(200) },
  {
    method: 'PATCH',
    path: '/api/consensus-rule',
    expect: staff(200),
    // The default minimum again: the other rows open voting with whatever the minimum is.
    request: () => ({ body: { quorum: 6 } }),
  },

  // Audience Q&A
  {
    method: 'GET',
    path: '/api/rooms/{roomId}/questions',
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id } }),
  },
  {
    method: 'POST',
    path: '/api/rooms/{roomId}/questions',
    expect: signedIn(201),
    request: (f) => ({
      params: { roomId: f.room.id },
      body: { text: 'Who funds the joint labs?', anonymous: false, clientId: unique('question') },
    }),
  },
  {
    method: 'PUT',
    path: '/api/questions/{questionId}/upvote',
    expect: signedIn(200),
    request: (f) => ({ params: { questionId: f.question.id } }),
  },
  {
    method: 'DELETE',
    path: '/api/questions/{questionId}/upvote',
    expect: signedIn(200),
    request: (f) => ({ params: { questionId: f.question.id } }),
  },
  {
    method: 'PATCH',
    path: '/api/questions/{questionId}',
    expect: staff(200),
    request: async (f) => ({
      params: { questionId: (await f.fresh.question()).id },
      body: { status: 'answered' },
    }),
  },

  // CONTRACT GAP: statements (issue 18) are not in the contract; everyone signed in submits, votes and reads
  // the results, moderators and admins approve or reject.
  ...['', '/next', '/results'].map((tail): RestRow => ({
    method: 'GET',
    path: `/api/rooms/{roomId}/statements${tail}`,
    expect: signedIn(200),
    request: (f) => ({ params: { roomId: f.room.id } }),
  })),
  {
    method: 'POST',
    path: '/api/rooms/{roomId}/statements',
    expect: signedIn(201),
    request: (f) => ({
      params: { roomId: f.room.id },
      body: { text: 'The labs need one booking system', clientId: unique('statement') },
    }),
  },
  {
    method: 'POST',
    path: '/api/statements/{statementId}/votes',
    expect: signedIn(200),
    request: async (f) => ({
      params: { statementId: (await f.fresh.approvedStatement()).id },
      body: { vote: 'agree' },
    }),
  },
  {
    method: 'PATCH',
    path: '/api/statements/{statementId}',
    expect: staff(200),
    request: async (f) => ({
      params: { statementId: (await f.fresh.pendingStatement()).id },
      body: { status: 'approved' },
    }),
  },
];

/** The handshake: anonymous sockets are refused at connect, so no event row has an `anonymous` column. */
const HANDSHAKE: Record<Actor, 'connected' | 'refused'> = {
  anonymous: 'refused',
  participant: 'connected',
  author: 'connected',
  otherParticipant: 'connected',
  moderator: 'connected',
  admin: 'connected',
};

const allSignedIn = (result: SocketResult): Partial<Record<SignedIn, SocketResult>> => ({
  participant: result,
  moderator: result,
  admin: result,
});

const SOCKET_TABLE: SocketRow[] = [
  {
    event: 'room:join',
    expect: allSignedIn('ok'),
    payload: (f) => ({ roomId: f.room.id, sinceSeq: 0 }),
  },
  {
    event: 'room:leave',
    expect: allSignedIn('ok'),
    payload: (f) => ({ roomId: f.room.id }),
  },
  {
    event: 'rooms:watch',
    expect: allSignedIn('ok'),
    payload: () => ({ watching: true }),
  },
  {
    event: 'message:send',
    expect: allSignedIn('ok'),
    payload: (f) => ({
      roomId: f.room.id,
      threadId: f.thread.id,
      text: 'Hello live',
      clientId: unique('live'),
    }),
  },
  {
    event: 'message:edit',
    // Nobody edits another person's words (issue 13): moderators hide or delete with a reason instead.
    expect: { author: 'ok', otherParticipant: 'FORBIDDEN', moderator: 'FORBIDDEN', admin: 'FORBIDDEN' },
    payload: async (f) => ({ messageId: (await f.fresh.message()).id, text: 'Edited text' }),
  },
  {
    event: 'message:delete',
    // "author, or a moderator", who gives a reason (issue 13). CONTRACT GAP (admin): the API lets admins.
    expect: { author: 'ok', otherParticipant: 'FORBIDDEN', moderator: 'ok', admin: 'ok' },
    payload: async (f) => ({ messageId: (await f.fresh.message()).id, reason: 'Off topic' }),
  },
  {
    event: 'message:hide',
    // CONTRACT GAP: hiding is not in the contract; moderators and admins only, not even the author.
    expect: { author: 'FORBIDDEN', otherParticipant: 'FORBIDDEN', moderator: 'ok', admin: 'ok' },
    payload: async (f) => ({ messageId: (await f.fresh.message()).id, reason: 'Off topic' }),
  },
  {
    event: 'reaction:toggle',
    // Anyone reacts to anyone's message.
    expect: { author: 'ok', otherParticipant: 'ok', moderator: 'ok', admin: 'ok' },
    payload: (f) => ({ messageId: f.message.id, emoji: '👍' }),
  },
  {
    event: 'typing',
    expect: allSignedIn('ok'),
    payload: (f) => ({ roomId: f.room.id, threadId: f.thread.id }),
  },
  {
    event: 'poll:vote',
    expect: allSignedIn('ok'),
    payload: (f) => ({ pollId: f.openPoll.id, optionIds: [f.openPoll.options[1].id] }),
  },
  {
    event: 'session:renew',
    // CONTRACT GAP: renewing the socket's token is not in the contract; anyone may renew with their own token.
    expect: allSignedIn('ok'),
    payload: (f, actor) => ({ token: f.users[actor].accessToken }),
  },
];

const restName = (row: RestRow): string => `${row.method} ${row.path}`;
const expectations = <T>(expect: Partial<Record<Actor, T>>): [Actor, T][] =>
  ACTORS.filter((actor) => expect[actor] !== undefined).map((actor) => [actor, expect[actor] as T]);
const fillPath = (template: string, params: Record<string, string> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });

describe('authorization matrix', () => {
  let t: TestApp;
  const f = {} as Fixtures;

  const as = (actor: Actor, method: HttpMethod, url: string) => {
    const request = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    return actor === 'anonymous' ? request : request.set(...bearer(f.users[actor].accessToken));
  };
  const created = async <T>(actor: SignedIn, method: HttpMethod, url: string, body?: object): Promise<T> => {
    const response = await as(actor, method, url).send(body);
    if (response.status >= 300)
      throw new Error(`fixture ${method} ${url}: ${response.status} ${response.text}`);
    return response.body as T;
  };

  beforeAll(async () => {
    // The fixtures make many initiatives of one author within seconds (amendment rows make one per actor).
    t = await startTestApp({
      env: {
        SOCKET_SEND_LIMIT: '1000:1000',
        RATE_LIMIT_CREATE_PER_MINUTE: '1000',
        RATE_LIMIT_PERSON_WRITES_PER_10S: '1000',
      },
    });
    const moderator = await t.moderator({ displayName: 'Moderator' });
    // t.moderator() registered the admin (ADMIN_EMAIL, default password); sign in to get its token.
    const admin = (
      await t.http().post('/api/auth/login').send({ email: ADMIN_EMAIL, password: PASSWORD }).expect(200)
    ).body as TestUser;
    const [participant, author, otherParticipant, roleTarget, loginUser] = await Promise.all([
      t.register({ displayName: 'Participant' }),
      t.register({
        displayName: 'Author',
        organization: 'Tomsk Oblast Business Union',
        stakeholderGroup: 'business',
      }),
      t.register({ displayName: 'Other', organization: 'Green Tomsk', stakeholderGroup: 'civil_society' }),
      t.register({ displayName: 'Role target' }),
      t.register({ displayName: 'Login user' }),
    ]);
    f.users = { participant, author, otherParticipant, moderator, admin };
    f.roleTarget = roleTarget;
    f.loginUser = loginUser;
    const sockets = await Promise.all(
      (Object.keys(f.users) as SignedIn[]).map(async (actor) => [
        actor,
        await t.connect(f.users[actor].accessToken),
      ]),
    );
    f.sockets = Object.fromEntries(sockets) as Record<SignedIn, TestSocket>;

    [f.room] = await created<Room[]>('participant', 'GET', '/api/rooms');
    const threads = `/api/rooms/${f.room.id}/threads`;
    f.thread = await created<Thread>('author', 'POST', threads, { title: 'Where to start' });
    f.pinThread = await created<Thread>('author', 'POST', threads, { title: 'To be pinned' });

    f.fresh = {
      // Over the author's socket: REST posting is rate limited per person, the test app's socket is not.
      message: async () => {
        const ack = await emitWithAck<{ message: Message }>(f.sockets.author, 'message:send', {
          roomId: f.room.id,
          threadId: f.thread.id,
          text: 'A message by the author',
          clientId: unique('fixture'),
        });
        if (!ack.ok) throw new Error(`fixture message:send: ${JSON.stringify(ack.error)}`);
        return ack.message;
      },
      draftPoll: () =>
        created<Poll>('moderator', 'POST', `/api/rooms/${f.room.id}/polls`, {
          question: 'Which cluster first?',
          options: ['Campus', 'Mobility', 'Labour market'],
          multiple: false,
          anonymous: false,
        }),
      openPoll: async () =>
        created<Poll>('moderator', 'POST', `/api/polls/${(await f.fresh.draftPoll()).id}/open`),
      openWordCloud: async () => {
        const poll = await created<Poll>('moderator', 'POST', `/api/rooms/${f.room.id}/polls`, {
          question: 'One word for the region?',
          kind: 'word_cloud',
        });
        return created<Poll>('moderator', 'POST', `/api/polls/${poll.id}/open`);
      },
      draftInitiative: () =>
        created<Initiative>('author', 'POST', '/api/initiatives', {
          title: 'Shared internships',
          summary: 'Businesses host students for a term',
          roomId: f.room.id,
          partners: [{ organization: 'Tomsk State University', stakeholderGroup: 'university' }],
        }),
      votingInitiative: async () =>
        created<Initiative>(
          'author',
          'POST',
          `/api/initiatives/${(await f.fresh.draftInitiative()).id}/voting/open`,
          {},
        ),
      blockedInitiative: async () => {
        const initiative = await f.fresh.votingInitiative();
        return created<Initiative>('otherParticipant', 'PUT', `/api/initiatives/${initiative.id}/vote`, {
          position: 'block',
          reason: 'No budget',
          wouldChange: 'Name who pays',
        });
      },
      amendment: async () => {
        const initiative = await f.fresh.blockedInitiative();
        return created<Amendment>(
          'otherParticipant',
          'POST',
          `/api/initiatives/${initiative.id}/amendments`,
          amendmentBody(f),
        );
      },
      // Asked by the other participant, whose REST writes are few, to stay clear of the rate limit.
      question: () =>
        created<Question>('otherParticipant', 'POST', `/api/rooms/${f.room.id}/questions`, {
          text: 'How do students join a lab?',
          clientId: unique('fixture'),
        }),
      pendingStatement: () =>
        created<Statement>('otherParticipant', 'POST', `/api/rooms/${f.room.id}/statements`, {
          text: 'Labs open on Saturdays',
          clientId: unique('fixture'),
        }),
      approvedStatement: () =>
        created<Statement>('moderator', 'POST', `/api/rooms/${f.room.id}/statements`, {
          text: 'Labs open to small firms',
          clientId: unique('fixture'),
        }),
      // A new account each time: signing in is rate limited per email, registering a new email is not.
      refreshToken: async () => (await t.register({ displayName: 'Session holder' })).refreshToken,
      signIn: async () => {
        const holder = await t.register({ displayName: 'Session holder' });
        const claims = JSON.parse(Buffer.from(holder.accessToken.split('.')[1], 'base64url').toString()) as {
          sid: string;
        };
        return { userId: holder.user.id, sessionId: claims.sid };
      },
      groupChange: async () => {
        const mover = await t.register({ displayName: 'Group mover', stakeholderGroup: 'university' });
        const asked = await t.as(mover).post('/api/auth/me/group-change', { group: 'business' }).expect(201);
        return (asked.body as { id: string }).id;
      },
      thread: () =>
        created<Thread>('otherParticipant', 'POST', `/api/rooms/${f.room.id}/threads`, {
          title: unique('Thread'),
        }),
      draftForum: () => created<Forum>('admin', 'POST', '/api/forums', forumBody(unique('draft'))),
      session: () =>
        created<AgendaSession>('admin', 'POST', `/api/rooms/${f.room.id}/sessions`, sessionBody()),
      rosterEntry: async () => {
        const email = `${unique('badge')}@helix.test`;
        await created('admin', 'POST', `/api/forums/${f.forum.id}/roster`, rosterFile(email));
        const entries = await created<RosterEntry[]>('admin', 'GET', `/api/forums/${f.forum.id}/roster`);
        return entries.find((entry) => entry.email === email) as RosterEntry;
      },
      invitation: () =>
        created<Invitation>('admin', 'POST', `/api/forums/${f.forum.id}/invitations`, invitationBody()),
    };
    [f.forum] = await created<Forum[]>('admin', 'GET', '/api/forums');
    await created<Forum>('admin', 'PATCH', `/api/forums/${f.forum.id}`, { outcomePublished: true });
    [f.message, f.openPoll, f.draftPoll, f.draftInitiative, f.votingInitiative] = await Promise.all([
      f.fresh.message(),
      f.fresh.openPoll(),
      f.fresh.draftPoll(),
      f.fresh.draftInitiative(),
      f.fresh.votingInitiative(),
    ]);
    f.question = await f.fresh.question();
    // One vote adopts it: the minimum lowered for this one initiative, then the default again.
    await created('moderator', 'PATCH', '/api/consensus-rule', { quorum: 1, minGroups: 1 });
    const adopting = await f.fresh.votingInitiative();
    await created('author', 'PUT', `/api/initiatives/${adopting.id}/vote`, { position: 'agree' });
    f.adoptedInitiative = await created<Initiative>(
      'moderator',
      'POST',
      `/api/initiatives/${adopting.id}/voting/close`,
    );
    await created('moderator', 'PATCH', '/api/consensus-rule', DEFAULT_CONSENSUS_RULE);
    f.pledge = await created<Pledge>('author', 'POST', `/api/initiatives/${adopting.id}/pledges`, pledgeBody);
  });
  afterAll(() => t?.close());

  describe('the table covers the API', () => {
    it('has exactly one row per operation in /api/docs-json, and no row without one', async () => {
      const document = (await t.http().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const methods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace']);
      const documented = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item)
          .filter((key) => methods.has(key))
          .map((method) => `${method.toUpperCase()} ${path}`),
      );
      const rows = REST_TABLE.map(restName);
      const duplicates = rows.filter((name, index) => rows.indexOf(name) !== index);
      expect({
        withoutRow: documented.filter((name) => !rows.includes(name)),
        rowWithoutOperation: rows.filter((name) => !documented.includes(name)),
        duplicates,
      }).toEqual({ withoutRow: [], rowWithoutOperation: [], duplicates: [] });
    });

    it('documents a bearer token exactly on the operations that refuse anonymous callers with 401', async () => {
      const document = (await t.http().get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { security?: unknown[] }>>;
      };
      // A fuzzer (and any generated client) trusts `security`: a public route documented as needing a
      // token is "accepting a missing Authorization header".
      const mismatched = REST_TABLE.filter((row) => {
        const documentsToken = Boolean(
          document.paths[row.path]?.[row.method.toLowerCase()]?.security?.length,
        );
        return documentsToken !== (row.expect.anonymous === 401);
      }).map(restName);
      expect(mismatched).toEqual([]);
    });

    it('has exactly one row per @SubscribeMessage event of the gateways, and no row without one', () => {
      const subscribed = gatewayEvents(t.app);
      expect(subscribed.length).toBeGreaterThan(0);
      const rows = SOCKET_TABLE.map((row) => row.event);
      expect({
        withoutRow: subscribed.filter((event) => !rows.includes(event)),
        rowWithoutEvent: rows.filter((event) => !subscribed.includes(event)),
        duplicates: rows.filter((event, index) => rows.indexOf(event) !== index),
      }).toEqual({ withoutRow: [], rowWithoutEvent: [], duplicates: [] });
    });

    it('names, in every row, anonymous (REST), moderator, admin, and participant or author + otherParticipant', () => {
      const incomplete = [
        ...REST_TABLE.map((row) => [restName(row), row.expect] as const),
        ...SOCKET_TABLE.map(
          (row) => [row.event, { anonymous: 'refused at connect', ...row.expect }] as const,
        ),
      ].filter(
        ([, expect]) =>
          expect.anonymous === undefined ||
          expect.moderator === undefined ||
          expect.admin === undefined ||
          (expect.participant === undefined &&
            (expect.author === undefined || expect.otherParticipant === undefined)),
      );
      expect(incomplete.map(([name]) => name)).toEqual([]);
    });
  });

  describe.each(REST_TABLE.map((row) => [restName(row), row] as const))('%s', (_name, row) => {
    it.each(expectations(row.expect))('%s → %s', async (actor, status) => {
      const { params, query, body } = (await row.request?.(f, actor)) ?? {};
      let request = as(actor, row.method, fillPath(row.path, params));
      if (query) request = request.query(query);
      const response = await (body === undefined ? request : request.send(body));
      // The body travels with the status so that a failure shows the API's reason.
      expect({ status: response.status, body: response.body }).toMatchObject({ status });
    });
  });

  describe('socket handshake', () => {
    it.each(expectations(HANDSHAKE))('%s → %s', async (actor, outcome) => {
      if (actor !== 'anonymous') {
        const socket = await t.connect(f.users[actor].accessToken);
        expect(socket.connected ? 'connected' : 'refused').toBe(outcome);
        return;
      }
      const socket = io(t.url, { transports: ['websocket'], reconnection: false, forceNew: true });
      try {
        const result = await new Promise<string>((resolve) => {
          socket.once('connect', () => resolve('connected'));
          socket.once('connect_error', () => resolve('refused'));
        });
        expect(result).toBe(outcome);
      } finally {
        socket.disconnect();
      }
    });
  });

  describe.each(SOCKET_TABLE.map((row) => [row.event, row] as const))('socket %s', (_event, row) => {
    it.each(expectations(row.expect) as [SignedIn, SocketResult][])('%s → %s', async (actor, result) => {
      const ack = await emitWithAck(f.sockets[actor], row.event, await row.payload(f, actor));
      expect({ result: ack.ok ? 'ok' : ack.error?.code, ack }).toMatchObject({ result });
    });
  });
});
