import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  deterministicId,
  GroupCommit,
  isDuplicateKeyError,
  mayModerateRoom,
  requireRoomModeration,
  toPublicUser,
  type AuthenticatedUser,
} from '@helix/api/core';
import { ModerationLogService, RoomSettingsService } from '@helix/api/moderation';
import { CoalescedRoomUpdates, RoomEventLog, type RoomChange } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/forums';
import {
  compareQuestions,
  type AskQuestionRequest,
  type ListQuestionsQuery,
  type ModerateQuestionRequest,
  type ModerationAction,
  type PublicUser,
  type Question,
  type QuestionStatus,
} from '@helix/contract';
import { trusted, type Model } from 'mongoose';
import { canSee, isPublic, PUBLIC_STATUSES, toQuestion, type QuestionViewer } from './question-view';
import { QuestionsStore, type QuestionState } from './questions-store';
import { QuestionRecord } from './schemas/question.schema';

export interface AskResult {
  question: Question;
  /** False when the asker had already sent this clientId: the stored question, nothing new. */
  created: boolean;
}

type ModeratedStatus = ModerateQuestionRequest['status'];

interface UpvoteChange {
  userId: string;
  upvote: boolean;
}

const viewerOf = (user: AuthenticatedUser, roomId: string): QuestionViewer => ({
  id: user.id,
  moderator: mayModerateRoom(user, roomId),
});

/** What the moderation log calls a change; bringing back an answered or dismissed question reopens it. */
const moderationAction = (from: QuestionStatus, to: ModeratedStatus): ModerationAction => {
  if (to === 'approved') return from === 'pending' ? 'question.approved' : 'question.reopened';
  return to === 'answered' ? 'question.answered' : 'question.dismissed';
};

@Injectable()
export class QuestionsService {
  /** Upvotes reach their question's document in batches (see GroupCommit). */
  private readonly upvotes = new GroupCommit<UpvoteChange, QuestionRecord | null>((questionId, changes) =>
    this.storeUpvotes(questionId, changes),
  );

  constructor(
    @InjectModel(QuestionRecord.name) private readonly questions: Model<QuestionRecord>,
    private readonly store: QuestionsStore,
    private readonly rooms: RoomsService,
    private readonly settings: RoomSettingsService,
    private readonly moderationLog: ModerationLogService,
    private readonly log: RoomEventLog,
    private readonly updates: CoalescedRoomUpdates,
  ) {}

  /** The room's questions the person may see, in the audience's order (see compareQuestions). */
  async list(user: AuthenticatedUser, roomId: string, query: ListQuestionsQuery): Promise<Question[]> {
    await this.rooms.get(roomId);
    const viewer = viewerOf(user, roomId);
    return this.store
      .ofRoom(roomId)
      .filter(
        (state) => canSee(state.record, viewer) && (!query.status || state.record.status === query.status),
      )
      .map((state) => this.viewFor(state, user))
      .sort(compareQuestions);
  }

  async ask(user: AuthenticatedUser, roomId: string, request: AskQuestionRequest): Promise<AskResult> {
    await this.rooms.get(roomId);
    const id = deterministicId('question', user.id, request.clientId);
    const questionId = id.toHexString();
    let created = false;
    const question = await this.log.record(roomId, (): RoomChange<Question> => {
      const known = this.store.get(questionId);
      if (known) return { event: null, result: () => this.viewFor(known, user) };
      const settings = this.settings.current(roomId);
      if (!settings.qaOpen) throw new ConflictException('Questions are closed in this room right now');
      const status = settings.qaReview ? 'pending' : 'approved';
      const record: QuestionRecord = {
        _id: id,
        roomId,
        text: request.text,
        anonymous: request.anonymous ?? false,
        authorId: user.id,
        author: toPublicUser(user),
        clientId: request.clientId,
        status,
        createdAt: new Date(),
        answeredAt: null,
        upvoters: [],
        version: 1,
      };
      return {
        event: {
          type: status === 'pending' ? 'question.pending' : 'question.updated',
          subjectId: questionId,
          actorId: user.id,
        },
        commit: async () => {
          try {
            await this.questions.collection.insertOne(record as never);
            this.store.put(record);
            created = true;
          } catch (error) {
            // The same clientId reached another instance at the same moment: that one stored it.
            if (!isDuplicateKeyError(error)) throw error;
            await this.store.reload(questionId);
          }
        },
        result: () => this.viewFor(this.stateOf(questionId), user),
      };
    });
    return { question, created };
  }

  /** Idempotent: a second upvote by the same person changes nothing. */
  async upvote(user: AuthenticatedUser, questionId: string): Promise<Question> {
    await this.store.find(questionId);
    const state = this.stateOf(questionId);
    if (state.record.status !== 'approved')
      throw new ConflictException(`Only approved questions take upvotes; this one is ${state.record.status}`);
    if (state.record.authorId === user.id) throw new ConflictException('You cannot upvote your own question');
    return this.changeUpvote(user, state, true);
  }

  /** Idempotent; also allowed once the question is answered, so a mistaken upvote can be taken back. */
  async removeUpvote(user: AuthenticatedUser, questionId: string): Promise<Question> {
    await this.store.find(questionId);
    const state = this.stateOf(questionId);
    if (!isPublic(state.record.status))
      throw new ConflictException(`This question is ${state.record.status}; its upvotes cannot change`);
    return this.changeUpvote(user, state, false);
  }

  /** Approves, answers or dismisses a question; the same status again changes and records nothing. */
  async moderate(
    moderator: AuthenticatedUser,
    questionId: string,
    request: ModerateQuestionRequest,
  ): Promise<Question> {
    await this.store.find(questionId);
    const { roomId } = this.stateOf(questionId).record;
    requireRoomModeration(moderator, roomId);
    // In the room's queue: the status check, the change, its log entry and its event see no other
    // change in between, so the moderation log lists changes in the order they were made.
    return this.log.record(roomId, () => {
      const current = this.stateOf(questionId).record;
      const from = current.status;
      const result = () => this.viewFor(this.stateOf(questionId), moderator);
      if (from === request.status) return { event: null, result };
      const answeredAt =
        request.status === 'answered'
          ? new Date()
          : request.status === 'approved'
            ? null
            : current.answeredAt;
      return {
        // A question dismissed straight from review was never shown: its text stays out of the room's events.
        event: {
          type:
            from === 'pending' && request.status === 'dismissed' ? 'question.pending' : 'question.updated',
          subjectId: questionId,
          actorId: moderator.id,
        },
        commit: (seq) =>
          this.upvotes.exclusive(questionId, async () => {
            const updated = await this.questions
              .findOneAndUpdate(
                { _id: questionId, status: from },
                { $set: { status: request.status, answeredAt }, $inc: { version: 1 } },
                { new: true },
              )
              .lean<QuestionRecord>()
              .exec();
            if (!updated) {
              await this.store.reload(questionId);
              throw new ConflictException('The question was changed meanwhile; look again');
            }
            this.store.put(updated);
            await this.moderationLog.record(moderator, roomId, seq, [
              {
                action: moderationAction(from, request.status),
                subjectId: questionId,
                reason: request.reason ?? null,
              },
            ]);
          }),
        result,
      };
    });
  }

  /**
   * The asker deleted their account: the question stays, asked by `former`. Recorded as a room event like a
   * moderator's change, so every instance reads the question again and every screen shows the new name.
   */
  async setAuthor(person: AuthenticatedUser, questionId: string, former: PublicUser): Promise<void> {
    await this.store.find(questionId);
    const { roomId } = this.stateOf(questionId).record;
    await this.log.record(roomId, () => {
      const current = this.stateOf(questionId).record;
      if (current.authorId !== person.id) throw new ForbiddenException('Only the asker’s own questions');
      return {
        event: {
          // A question the room does not see goes out as a notice only, as its moderation does.
          type: isPublic(current.status) ? 'question.updated' : 'question.pending',
          subjectId: questionId,
          actorId: 'system',
        },
        commit: () =>
          this.upvotes.exclusive(questionId, async () => {
            const updated = await this.write(
              { _id: questionId, authorId: person.id },
              { $set: { author: former } },
            );
            if (updated) this.store.put(updated);
            else await this.store.reload(questionId);
          }),
        result: () => undefined,
      };
    });
  }

  private async changeUpvote(
    user: AuthenticatedUser,
    state: QuestionState,
    upvote: boolean,
  ): Promise<Question> {
    const questionId = state.record._id.toHexString();
    this.rooms.requireWritable(state.record.roomId);
    if (state.upvoters.has(user.id) !== upvote) {
      const stored = await this.upvotes.add(questionId, { userId: user.id, upvote });
      if (!stored) throw new ConflictException('This question no longer takes upvotes');
      // Live counts go out as coalesced `question.updated` events; each carries the count when it is sent.
      this.updates.schedule(questionId, state.record.roomId, () =>
        isPublic(this.stateOf(questionId).record.status)
          ? { type: 'question.updated', subjectId: questionId, actorId: 'system' }
          : null,
      );
    }
    return this.viewFor(this.stateOf(questionId), user);
  }

  /** One batch: each person's last change counts; additions need an approved question, removals a public one. */
  private async storeUpvotes(
    questionId: string,
    changes: UpvoteChange[],
  ): Promise<Array<QuestionRecord | null>> {
    const last = new Map(changes.map((change) => [change.userId, change.upvote]));
    const add = [...last].filter(([, upvote]) => upvote).map(([userId]) => userId);
    const remove = [...last].filter(([, upvote]) => !upvote).map(([userId]) => userId);
    let stored: QuestionRecord | null = null;
    if (add.length)
      stored = await this.write(
        { _id: questionId, status: 'approved' },
        { $addToSet: { upvoters: { $each: add } } },
      );
    if (remove.length)
      stored = await this.write(
        { _id: questionId, status: trusted({ $in: PUBLIC_STATUSES }) },
        { $pullAll: { upvoters: remove } },
      );
    if (stored) this.store.put(stored);
    else await this.store.reload(questionId);
    return changes.map(() => stored);
  }

  private write(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<QuestionRecord | null> {
    return this.questions
      .findOneAndUpdate(filter, { ...update, $inc: { version: 1 } }, { new: true })
      .lean<QuestionRecord>()
      .exec();
  }

  private viewFor(state: QuestionState, user: AuthenticatedUser): Question {
    return toQuestion(
      state.record,
      state.upvoters.size,
      viewerOf(user, state.record.roomId),
      state.upvoters.has(user.id),
    );
  }

  private stateOf(questionId: string): QuestionState {
    const state = this.store.get(questionId);
    if (!state) throw new NotFoundException('No such question');
    return state;
  }
}
