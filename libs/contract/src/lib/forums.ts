import { z } from 'zod';
import { idSchema, isoDateSchema, textField, type StakeholderGroup } from './common';
import type { Pledge } from './initiatives';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in both of the forum's languages, as organizers write it; readers get the one they read. */
export const translatedSchema = z.object({ en: z.string(), ru: z.string() });
export type Translated = z.infer<typeof translatedSchema>;

/**
 * A content field as an organizer sends it: one text (used for both languages), or the English and the
 * Russian text (either may be left out; the other is shown in its place).
 */
export const translatableField = (max: number) =>
  z.union([
    textField(max),
    z
      .strictObject({ en: textField(max).optional(), ru: textField(max).optional() })
      .refine((text) => text.en !== undefined || text.ru !== undefined, 'give en, ru or both'),
  ]);
export type TranslatableInput = z.input<ReturnType<typeof translatableField>>;

/** Key questions in both languages: the lists may differ in length (a missing one reads as the other). */
export const translatedListSchema = z.object({ en: z.array(z.string()), ru: z.array(z.string()) });
export type TranslatedList = z.infer<typeof translatedListSchema>;

export const KEY_QUESTION_MAX = 300;
export const translatableListField = z.union([
  z.array(textField(KEY_QUESTION_MAX)).max(20),
  z.strictObject({
    en: z.array(textField(KEY_QUESTION_MAX)).max(20).optional(),
    ru: z.array(textField(KEY_QUESTION_MAX)).max(20).optional(),
  }),
]);

export const FORUM_STATUSES = ['draft', 'live', 'closed'] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

/** Six letters or digits that people type at `/join`; no 0/O or 1/I/L, which read alike on a projector. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const joinCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{6}$/, 'six letters or digits'));

export const FORUM_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
export const forumSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(FORUM_SLUG_PATTERN, 'lowercase letters, digits and dashes, at most 60');

const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Asia/Tomsk');

export const forumSchema = z.object({
  id: idSchema,
  slug: z.string(),
  /** In the reader's language; `translations` holds both. */
  title: z.string(),
  description: z.string(),
  venue: z.string(),
  status: z.enum(FORUM_STATUSES),
  startsAt: isoDateSchema,
  endsAt: isoDateSchema,
  timeZone: z.string(),
  joinCode: z.string(),
  /** Whether the public outcome page answers (it always does once the forum is closed). */
  outcomePublished: z.boolean(),
  /** People who organize this forum besides the admins. */
  organizerIds: z.array(idSchema),
  translations: z.object({ title: translatedSchema, description: translatedSchema, venue: translatedSchema }),
  openedAt: isoDateSchema.nullable(),
  closedAt: isoDateSchema.nullable(),
  createdAt: isoDateSchema,
});
export type Forum = z.infer<typeof forumSchema>;

export const FORUM_TITLE_MAX = 200;
export const FORUM_TEXT_MAX = 4000;

const forumFields = {
  slug: forumSlugSchema,
  title: translatableField(FORUM_TITLE_MAX),
  description: translatableField(FORUM_TEXT_MAX),
  venue: translatableField(FORUM_TITLE_MAX).optional(),
  startsAt: isoDateSchema,
  endsAt: isoDateSchema,
  timeZone: timeZoneSchema,
};
const startsBeforeEnd = (body: { startsAt?: string; endsAt?: string }) =>
  !body.startsAt || !body.endsAt || body.startsAt < body.endsAt;

export const createForumRequestSchema = z
  .strictObject(forumFields)
  .refine(startsBeforeEnd, { message: 'startsAt must come before endsAt', path: ['endsAt'] });
export type CreateForumRequest = z.input<typeof createForumRequestSchema>;

export const updateForumRequestSchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(forumFields).map(([key, field]) => [key, field.optional()])),
    outcomePublished: z.boolean().optional(),
  } as { [K in keyof typeof forumFields]: z.ZodOptional<(typeof forumFields)[K]> } & {
    outcomePublished: z.ZodOptional<z.ZodBoolean>;
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field')
  .refine(startsBeforeEnd, { message: 'startsAt must come before endsAt', path: ['endsAt'] })
  .meta({ minProperties: 1 });
export type UpdateForumRequest = z.input<typeof updateForumRequestSchema>;

export const listRoomsQuerySchema = z.strictObject({
  forumId: idSchema.optional(),
  /** Organizers: archived rooms too. */
  archived: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type ListRoomsQuery = z.input<typeof listRoomsQuerySchema>;

export const organizerRequestSchema = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase()),
});
export type OrganizerRequest = z.input<typeof organizerRequestSchema>;

export const organizerSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  organization: z.string(),
  email: z.string(),
});
export type Organizer = z.infer<typeof organizerSchema>;

/** The forum's numbers on one page: who took part, by stakeholder group, and what they made. */
export interface ForumStats {
  forumId: string;
  /** People who wrote, asked, voted or proposed in this forum, by the group they had then. */
  people: { total: number; byGroup: Partial<Record<StakeholderGroup, number>> };
  rooms: number;
  threads: number;
  messages: number;
  polls: { total: number; open: number; closed: number; ballots: number };
  questions: { total: number; answered: number; upvotes: number };
  initiatives: { total: number; voting: number; adopted: number; rejected: number };
}

// Agenda.

export const AGENDA_TITLE_MAX = 200;
export const SPEAKERS_MAX = 20;

export const agendaSessionSchema = z.object({
  id: idSchema,
  forumId: idSchema,
  roomId: idSchema,
  title: z.string(),
  description: z.string(),
  speakers: z.array(z.string()),
  startsAt: isoDateSchema,
  endsAt: isoDateSchema,
  /** The room's audience questions open at the start and close at the end. */
  opensQa: z.boolean(),
  /** A prepared (draft) poll of the room that opens at the start and closes at the end. */
  pollId: idSchema.nullable(),
  /** When the server's clock started and ended it (each happens once). */
  startedAt: isoDateSchema.nullable(),
  endedAt: isoDateSchema.nullable(),
  translations: z.object({ title: translatedSchema, description: translatedSchema }),
});
export type AgendaSession = z.infer<typeof agendaSessionSchema>;

const sessionFields = {
  title: translatableField(AGENDA_TITLE_MAX),
  description: translatableField(FORUM_TEXT_MAX).optional(),
  speakers: z.array(textField(120)).max(SPEAKERS_MAX).optional(),
  startsAt: isoDateSchema,
  endsAt: isoDateSchema,
  opensQa: z.boolean().optional(),
  pollId: idSchema.nullish(),
};
export const createSessionRequestSchema = z
  .strictObject(sessionFields)
  .refine(startsBeforeEnd, { message: 'startsAt must come before endsAt', path: ['endsAt'] });
export type CreateSessionRequest = z.input<typeof createSessionRequestSchema>;

export const updateSessionRequestSchema = z
  .strictObject({
    title: sessionFields.title.optional(),
    description: sessionFields.description,
    speakers: sessionFields.speakers,
    startsAt: isoDateSchema.optional(),
    endsAt: isoDateSchema.optional(),
    opensQa: sessionFields.opensQa,
    pollId: sessionFields.pollId,
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one field')
  .refine(startsBeforeEnd, { message: 'startsAt must come before endsAt', path: ['endsAt'] })
  .meta({ minProperties: 1 });
export type UpdateSessionRequest = z.input<typeof updateSessionRequestSchema>;

/** A forum's agenda: every session in start order, with what runs now and what comes next (server's clock). */
export interface Agenda {
  forumId: string;
  timeZone: string;
  sessions: AgendaSession[];
  now: string[];
  next: string | null;
  at: string;
}

// The public outcome, read without signing in.

export interface OutcomePartner {
  organization: string;
  stakeholderGroup: StakeholderGroup;
}

export interface PublicOutcome {
  forum: Pick<
    Forum,
    'slug' | 'title' | 'description' | 'venue' | 'startsAt' | 'endsAt' | 'timeZone' | 'status'
  >;
  initiatives: Array<{
    id: string;
    title: string;
    summary: string;
    room: string | null;
    closedAt: string | null;
    partners: OutcomePartner[];
    tally: { total: number; byGroup: Partial<Record<StakeholderGroup, Record<string, number>>> };
    /** The accepted amendments, in order: the version each made and the objections it cleared, by group. */
    amendments: Array<{
      number: number;
      revision: number;
      rationale: string;
      cleared: Array<{ from: 'disagree' | 'block'; stakeholderGroup: StakeholderGroup }>;
    }>;
    /** What the partners committed and how far each is. */
    pledges: Array<
      Pick<
        Pledge,
        'organization' | 'kind' | 'description' | 'amount' | 'dueDate' | 'status' | 'percent' | 'overdue'
      >
    >;
  }>;
  polls: Array<{
    id: string;
    room: string;
    question: string;
    closedAt: string | null;
    voters: number;
    options: Array<{ id: string; label: string; votes: number }>;
    byGroup: Partial<Record<StakeholderGroup, Record<string, number>>>;
  }>;
  questions: Array<{ id: string; room: string; text: string; upvotes: number; answeredAt: string | null }>;
  at: string;
}
