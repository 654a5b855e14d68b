import { z } from 'zod';
import { userSchema } from './auth';
import { roomSchema } from './rooms';

/**
 * The web client mirrors its access token in this cookie, and the server reads it only to render a page's
 * first screen (GET, no effect). Every API route still wants the token in the Authorization header, so a
 * request another site makes the browser send with this cookie can do nothing.
 */
export const PAGE_SESSION_COOKIE = 'helix.session';

/** The `<script type="application/json">` in a server-rendered page that holds what its screen shows. */
export const FIRST_SCREEN_ELEMENT_ID = 'helix-first-screen';

/**
 * What the server rendered the rooms list from: the answers of `/auth/me` and `/rooms` as the client would
 * have asked for them, so that it starts from them instead of asking again.
 */
export const firstScreenSchema = z.object({ me: userSchema, rooms: z.array(roomSchema) });
export type FirstScreen = z.infer<typeof firstScreenSchema>;
