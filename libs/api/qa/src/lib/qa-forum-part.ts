import { Injectable } from '@nestjs/common';
import type { ForumDocumentIds, ForumPart, ForumPartStats, ForumScope } from '@helix/api/forums';
import type { PublicOutcome, StakeholderGroup } from '@helix/contract';
import { QuestionsStore } from './questions-store';

/** What audience questions contribute to a forum: its numbers and the questions that were answered. */
@Injectable()
export class QaForumPart implements ForumPart {
  constructor(private readonly store: QuestionsStore) {}

  stats(forum: ForumScope): ForumPartStats {
    const questions = this.questionsOf(forum).filter((state) => state.record.status !== 'pending');
    const participants = new Map<string, StakeholderGroup>(
      questions.map((state) => [state.record.authorId, state.record.author.stakeholderGroup]),
    );
    return {
      counts: {
        questions: {
          total: questions.length,
          answered: questions.filter((state) => state.record.status === 'answered').length,
          upvotes: questions.reduce((sum, state) => sum + state.upvoters.size, 0),
        },
      },
      participants,
    };
  }

  /** Answered questions, most upvoted first; never who asked. */
  outcome(forum: ForumScope): Pick<PublicOutcome, 'questions'> {
    return {
      questions: this.questionsOf(forum)
        .filter((state) => state.record.status === 'answered')
        .sort((a, b) => b.upvoters.size - a.upvoters.size)
        .map((state) => ({
          id: state.record._id.toHexString(),
          room: forum.roomTitle(state.record.roomId),
          text: state.record.text,
          upvotes: state.upvoters.size,
          answeredAt: state.record.answeredAt?.toISOString() ?? null,
        })),
    };
  }

  documents(forum: ForumScope): ForumDocumentIds {
    return { questions: this.questionsOf(forum).map((state) => state.record._id) };
  }

  async imported(documents: ForumDocumentIds): Promise<void> {
    for (const id of documents['questions'] ?? []) await this.store.reload(String(id));
  }

  private questionsOf(forum: ForumScope) {
    return [...forum.roomIds].flatMap((roomId) => this.store.ofRoom(roomId));
  }
}
