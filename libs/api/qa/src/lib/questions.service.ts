import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError, isModerator, toPublicUser, type AuthenticatedUser } from '@helix/api/core';
import { ModerationLogService, RoomSettingsService } from '@helix/api/moderation';
import { CoalescedRoomUpdates, RoomEventLog, type RoomEventDraft } from '@helix/api/realtime';
import { RoomsService } from '@helix/api/rooms';
import {
  compareQuestions,
  type AskQuestionRequest,
  type ListQuestionsQuery,
  type ModerateQuestionRequest,
  type ModerationAction,
  type Question,
  type QuestionStatus,
} from '@helix/contract';
import { trusted, Types, type Model } from 'mongoose';
import { QuestionUpvotes } from './question-upvotes';
import { canSee, isPublic, PUBLIC_STATUSES, toQuestion, type QuestionViewer } from './question-view';
import { QuestionRecord } from './schemas/question.schema';

export interface AskResult {
  question: Question;
  /** False when the asker had already sent this clientId: the stored question, nothing new. */
  created: boolean;
}

type ModeratedStatus = ModerateQuestionRequest['status'];

const viewerOf = (user: AuthenticatedUser): QuestionViewer => ({ id: user.id, moderator: isModerator(user) });

/** What the moderation log calls a change; bringing back an answered or dismissed question reopens it. */
const moderationAction = (from: QuestionStatus, to: ModeratedStatus): ModerationAction => {
  if (to === 'approved') return from === 'pending' ? 'question.approved' : 'question.reopened';
  return to === 'answered' ? 'question.answered' : 'question.dismissed';
};

/** Tells moderators' consoles to fetch the review queue again; nobody learns what the question says. */
const pendingEvent = (record: QuestionRecord, actorId: string): RoomEventDraft => {
  const id = record._id.toHexString();
  return {
    roomId: record.roomId,
    type: 'question.pending',
    actorId,
    subjectId: id,
    payload: { id, roomId: record.roomId },
  };
};

@Injectable()
export class QuestionsService {
  constructor(
    @InjectModel(QuestionRecord.name) private readonly questions: Model<QuestionRecord>,
    private readonly upvotes: QuestionUpvotes,
    private readonly rooms: RoomsService,
    private readonly settings: RoomSettingsService,
    private readonly moderationLog: ModerationLogService,
    private readonly log: RoomEventLog,
    private readonly updates: CoalescedRoomUpdates,
  ) {}

  /** The room's questions the person may see, in the audience's order (see compareQuestions). */
  async list(user: AuthenticatedUser, roomId: string, query: ListQuestionsQuery): Promise<Question[]> {
    await this.rooms.get(roomId);
    const viewer = viewerOf(user);
    const records = await this.questions
      .find({
        roomId,
        ...(query.status ? { status: query.status } : {}),
        ...(viewer.moderator
          ? {}
          : { $or: [{ status: trusted({ $in: PUBLIC_STATUSES }) }, { authorId: user.id }] }),
      })
      .lean<QuestionRecord[]>()
      .exec();
    const [counts, mine] = await Promise.all([
      this.upvotes.countsInRoom(roomId),
      this.upvotes.mineInRoom(roomId, user.id),
    ]);
    return records
      .filter((record) => canSee(record, viewer))
      .map((record) => {
        const id = record._id.toHexString();
        return toQuestion(record, counts.get(id) ?? 0, viewer, mine.has(id));
      })
      .sort(compareQuestions);
  }

  async ask(user: AuthenticatedUser, roomId: string, request: AskQuestionRequest): Promise<AskResult> {
    const { qaReview } = await this.settings.get(roomId);
    const record: QuestionRecord = {
      _id: new Types.ObjectId(),
      roomId,
      text: request.text,
      anonymous: request.anonymous ?? false,
      authorId: user.id,
      author: toPublicUser(user),
      clientId: request.clientId,
      status: qaReview ? 'pending' : 'approved',
      createdAt: new Date(),
      answeredAt: null,
    };
    try {
      await this.questions.create(record);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const stored = await this.questions
        .findOne({ authorId: user.id, clientId: request.clientId })
        .lean<QuestionRecord>()
        .exec();
      if (!stored) throw error;
      return { question: await this.view(stored, user), created: false };
    }
    await this.log.append(
      record.status === 'pending' ? pendingEvent(record, user.id) : this.updatedEvent(record, 0, user.id),
    );
    return { question: toQuestion(record, 0, viewerOf(user)), created: true };
  }

  /** Idempotent: a second upvote by the same person changes nothing. */
  async upvote(user: AuthenticatedUser, questionId: string): Promise<Question> {
    const question = await this.record(questionId);
    if (question.status !== 'approved')
      throw new ConflictException(`Only approved questions take upvotes; this one is ${question.status}`);
    if (await this.upvotes.add(question, user.id)) this.scheduleBroadcast(question);
    return toQuestion(question, await this.upvotes.count(questionId), viewerOf(user), true);
  }

  /** Idempotent; also allowed once the question is answered, so a mistaken upvote can be taken back. */
  async removeUpvote(user: AuthenticatedUser, questionId: string): Promise<Question> {
    const question = await this.record(questionId);
    if (!isPublic(question.status))
      throw new ConflictException(`This question is ${question.status}; its upvotes cannot change`);
    if (await this.upvotes.remove(questionId, user.id)) this.scheduleBroadcast(question);
    return toQuestion(question, await this.upvotes.count(questionId), viewerOf(user), false);
  }

  /** Approves, answers or dismisses a question; the same status again changes and records nothing. */
  async moderate(
    moderator: AuthenticatedUser,
    questionId: string,
    request: ModerateQuestionRequest,
  ): Promise<Question> {
    const { roomId } = await this.record(questionId);
    let outcome: QuestionRecord | undefined;
    // In the room's queue: the status check, the change, its log entry and its event see no other
    // change in between, so the moderation log lists changes in the order they were made.
    await this.log.appendWith(roomId, async () => {
      const current = await this.record(questionId);
      if (current.status === request.status) {
        outcome = current;
        return null;
      }
      const answeredAt =
        request.status === 'answered'
          ? new Date()
          : request.status === 'approved'
            ? null
            : current.answeredAt;
      const updated = await this.questions
        .findOneAndUpdate(
          { _id: questionId },
          { $set: { status: request.status, answeredAt } },
          { new: true },
        )
        .lean<QuestionRecord>()
        .exec();
      if (!updated) throw new NotFoundException('No such question');
      outcome = updated;
      await this.moderationLog.record(moderator, {
        roomId,
        action: moderationAction(current.status, request.status),
        subjectId: questionId,
        reason: request.reason ?? null,
      });
      // A question dismissed straight from review was never shown: its text stays out of the room's log.
      if (current.status === 'pending' && updated.status === 'dismissed')
        return pendingEvent(updated, moderator.id);
      return this.updatedEvent(updated, await this.upvotes.count(questionId), moderator.id);
    });
    if (!outcome) throw new NotFoundException('No such question');
    return this.view(outcome, moderator);
  }

  /**
   * Live upvote counts go out as coalesced `question.updated` events (see CoalescedRoomUpdates); the
   * event is built when it is stored, so the last one carries the final count.
   */
  private scheduleBroadcast(question: QuestionRecord): void {
    const questionId = question._id.toHexString();
    this.updates.schedule(questionId, question.roomId, async () => {
      const current = await this.record(questionId);
      if (!isPublic(current.status)) return null;
      return this.updatedEvent(current, await this.upvotes.count(questionId), 'system');
    });
  }

  private updatedEvent(record: QuestionRecord, upvotes: number, actorId: string): RoomEventDraft {
    return {
      roomId: record.roomId,
      type: 'question.updated',
      actorId,
      subjectId: record._id.toHexString(),
      payload: toQuestion(record, upvotes, null),
    };
  }

  private async view(record: QuestionRecord, user: AuthenticatedUser): Promise<Question> {
    const id = record._id.toHexString();
    const [upvotes, upvotedByMe] = await Promise.all([this.upvotes.count(id), this.upvotes.has(id, user.id)]);
    return toQuestion(record, upvotes, viewerOf(user), upvotedByMe);
  }

  private async record(questionId: string): Promise<QuestionRecord> {
    const question = await this.questions.findById(questionId).lean<QuestionRecord>().exec();
    if (!question) throw new NotFoundException('No such question');
    return question;
  }
}
