import { ConflictException, Injectable } from '@nestjs/common';
import { bucketIdsOf, csvText, type AuthenticatedUser } from '@helix/api/core';
import type { ForumDocumentIds, ForumPart, ForumPartStats, ForumScope } from '@helix/api/forums';
import type { Language, PublicOutcome, StakeholderGroup } from '@helix/contract';
import { InitiativesService } from './initiatives.service';
import { outcomeRows } from './outcome-rows';
import { InitiativesStore } from './initiatives-store';

/** What initiatives contribute to a forum: its numbers, the adopted ones, and closing the votes still open. */
@Injectable()
export class InitiativesForumPart implements ForumPart {
  constructor(
    private readonly store: InitiativesStore,
    private readonly initiatives: InitiativesService,
  ) {}

  stats(forum: ForumScope): ForumPartStats {
    // A withdrawn draft was taken back (often a duplicate): the forum's numbers leave it out.
    const records = this.of(forum).filter((record) => record.status !== 'withdrawn');
    const participants = new Map<string, StakeholderGroup>();
    for (const record of records) {
      participants.set(record.proposer.id, record.proposer.stakeholderGroup);
      for (const [userId, vote] of Object.entries(record.votes)) participants.set(userId, vote.group);
    }
    const count = (status: string) => records.filter((record) => record.status === status).length;
    return {
      counts: {
        initiatives: {
          total: records.length,
          voting: count('voting'),
          adopted: count('adopted'),
          rejected: count('rejected'),
        },
      },
      participants,
    };
  }

  outcome(forum: ForumScope, language: Language): Pick<PublicOutcome, 'initiatives'> {
    return {
      initiatives: this.of(forum)
        .filter((record) => record.status === 'adopted')
        .map((record) => {
          const view = this.store.viewAs(record, null, language);
          return {
            id: view.id,
            title: view.title,
            summary: view.summary,
            room: record.roomId ? forum.roomTitle(record.roomId) : null,
            closedAt: view.closedAt,
            partners: view.partners.map(({ organization, stakeholderGroup }) => ({
              organization,
              stakeholderGroup,
            })),
            tally: view.tally,
            amendments: view.amendments
              .filter((amendment) => amendment.status === 'accepted')
              .map((amendment) => ({
                number: amendment.number,
                revision: amendment.revision ?? 1,
                rationale: amendment.rationale,
                // The public page names groups, not people.
                cleared: amendment.cleared.map((entry) => ({
                  from: entry.from,
                  stakeholderGroup: entry.user.stakeholderGroup,
                })),
              })),
            pledges: view.pledges.map(
              ({ organization, kind, description, amount, dueDate, status, percent, overdue }) => ({
                organization,
                kind,
                description,
                amount,
                dueDate,
                status,
                percent,
                overdue,
              }),
            ),
          };
        }),
    };
  }

  async close(forum: ForumScope, by: AuthenticatedUser): Promise<void> {
    for (const record of this.of(forum).filter((candidate) => candidate.status === 'voting')) {
      try {
        await this.initiatives.close(by, record._id.toHexString(), 'en');
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
      }
    }
  }

  documents(forum: ForumScope): ForumDocumentIds {
    const records = this.of(forum);
    return {
      initiatives: records.map((record) => record._id),
      initiative_votes: records.flatMap((record) => bucketIdsOf(record._id.toHexString())),
    };
  }

  /** The forum's adopted initiatives, as `GET /api/initiatives/outcome.csv` answers them. */
  reports(forum: ForumScope, language: Language): Record<string, string> {
    const adopted = this.of(forum)
      .filter((record) => record.status === 'adopted')
      .sort((a, b) => (a.closedAt?.getTime() ?? 0) - (b.closedAt?.getTime() ?? 0))
      .map((record) => this.store.viewAs(record, null, language));
    return { 'forum-outcome.csv': csvText(outcomeRows(adopted, language)) };
  }

  async imported(documents: ForumDocumentIds): Promise<void> {
    for (const id of documents['initiatives'] ?? []) await this.store.reload(String(id));
  }

  private of(forum: ForumScope) {
    return this.store.all().filter((record) => this.store.forumIdOf(record) === forum.forumId);
  }
}
