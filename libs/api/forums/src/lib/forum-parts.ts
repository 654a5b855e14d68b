import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@helix/api/core';
import type { ForumStats, Language, PublicOutcome, StakeholderGroup } from '@helix/contract';
import type { AgendaSessionRecord } from './schemas/agenda-session.schema';

/** A forum as the features see it: its id and its rooms. */
export interface ForumScope {
  forumId: string;
  roomIds: ReadonlySet<string>;
  /** The room's title in the reader's language, for lists that name where something happened. */
  roomTitle: (roomId: string) => string;
}

/** A feature's figures for the forum's numbers page, and who took part (user id → their group then). */
export interface ForumPartStats {
  counts: Partial<Omit<ForumStats, 'forumId' | 'people' | 'rooms'>>;
  participants: Map<string, StakeholderGroup>;
}

/** A forum's documents a feature keeps: collection name → the `_id`s to read (a whole-forum export). */
export type ForumDocumentIds = Record<string, unknown[]>;

/**
 * What a feature contributes to a forum as a whole. The forums feature cannot know polls, questions or
 * initiatives (features do not import each other), so each of those registers its part when its module
 * starts, as they register projector targets with the moderation feature.
 */
export interface ForumPart {
  stats?(forum: ForumScope): ForumPartStats;
  outcome?(
    forum: ForumScope,
    language: Language,
  ): Partial<Pick<PublicOutcome, 'initiatives' | 'polls' | 'questions'>>;
  /** Closes what is open in the forum, as a moderator's close would (the forum closes after). */
  close?(forum: ForumScope, by: AuthenticatedUser): Promise<void>;
  /** The agenda's clock reached a session's start or end in its room. */
  sessionStarted?(session: AgendaSessionRecord, by: AuthenticatedUser): Promise<void>;
  sessionEnded?(session: AgendaSessionRecord, by: AuthenticatedUser): Promise<void>;
  /** The forum's documents, found in the feature's read model, so the export reads them by `_id` only. */
  documents?(forum: ForumScope): ForumDocumentIds;
  /** An import inserted these documents (every part's): read the feature's own into its read model by `_id`. */
  imported?(documents: ForumDocumentIds): Promise<void>;
  /** The feature's CSV reports of the forum, by file name, for the organizer's report in the export. */
  reports?(forum: ForumScope, language: Language): Record<string, string>;
}

@Injectable()
export class ForumParts {
  private readonly parts: ForumPart[] = [];

  register(part: ForumPart): void {
    this.parts.push(part);
  }

  all(): readonly ForumPart[] {
    return this.parts;
  }
}
