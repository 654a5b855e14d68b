import { ConflictException, Injectable } from '@nestjs/common';
import { bucketIdsOf, csvText, type AuthenticatedUser } from '@helix/api/core';
import type { ForumDocumentIds, ForumPart, ForumPartStats, ForumScope } from '@helix/api/forums';
import type { Language, PublicOutcome, StakeholderGroup } from '@helix/contract';
import { pollResultsRows } from './poll-results-rows';
import { PollsService } from './polls.service';
import { PollsStore } from './polls-store';

/** What polls contribute to a forum: its numbers, the results of closed polls, closing, and agenda polls. */
@Injectable()
export class PollsForumPart implements ForumPart {
  constructor(
    private readonly store: PollsStore,
    private readonly polls: PollsService,
  ) {}

  stats(forum: ForumScope): ForumPartStats {
    const polls = this.pollsOf(forum);
    const participants = new Map<string, StakeholderGroup>();
    let ballots = 0;
    for (const poll of polls) {
      for (const [userId, ballot] of Object.entries(poll.ballots ?? {})) {
        ballots += 1;
        participants.set(userId, ballot.group);
      }
    }
    return {
      counts: {
        polls: {
          total: polls.filter((poll) => poll.status !== 'draft').length,
          open: polls.filter((poll) => poll.status === 'open').length,
          closed: polls.filter((poll) => poll.status === 'closed').length,
          ballots,
        },
      },
      participants,
    };
  }

  outcome(forum: ForumScope): Pick<PublicOutcome, 'polls'> {
    return {
      polls: this.pollsOf(forum)
        .filter((poll) => poll.status === 'closed')
        .map((poll) => {
          const view = this.store.pollView(poll, null);
          return {
            id: view.id,
            room: forum.roomTitle(poll.roomId),
            question: view.question,
            closedAt: view.closedAt,
            voters: view.voters,
            options: view.options,
            byGroup: view.byGroup,
          };
        }),
    };
  }

  async close(forum: ForumScope, by: AuthenticatedUser): Promise<void> {
    for (const poll of this.pollsOf(forum).filter((candidate) => candidate.status === 'open'))
      await ignoreConflict(this.polls.close(by, poll._id.toHexString(), 'forum'));
  }

  async sessionStarted(session: { pollId: string | null }, by: AuthenticatedUser): Promise<void> {
    if (session.pollId) await ignoreConflict(this.polls.open(by, session.pollId, {}, 'forum'));
  }

  async sessionEnded(session: { pollId: string | null }, by: AuthenticatedUser): Promise<void> {
    if (session.pollId) await ignoreConflict(this.polls.close(by, session.pollId, 'forum'));
  }

  documents(forum: ForumScope): ForumDocumentIds {
    const polls = this.pollsOf(forum);
    return {
      polls: polls.map((poll) => poll._id),
      poll_ballots: polls.flatMap((poll) => bucketIdsOf(poll._id.toHexString())),
    };
  }

  /** The results of each closed poll, as `GET /api/polls/:id/results.csv` answers them. */
  reports(forum: ForumScope, language: Language): Record<string, string> {
    return Object.fromEntries(
      this.pollsOf(forum)
        .filter((poll) => poll.status === 'closed')
        .map((poll) => [
          `poll-${poll._id.toHexString()}-results.csv`,
          csvText(pollResultsRows(poll, this.store.tally(poll), language)),
        ]),
    );
  }

  async imported(documents: ForumDocumentIds): Promise<void> {
    for (const id of documents['polls'] ?? []) await this.store.reload(String(id));
  }

  private pollsOf(forum: ForumScope) {
    return [...forum.roomIds].flatMap((roomId) => this.store.ofRoom(roomId));
  }
}

/** Already open or closed (a moderator got there first): nothing left to do. */
async function ignoreConflict(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error;
  }
}
