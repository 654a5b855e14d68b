import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import { RoomSubjects, type RoomEventPayload, type RoomSubjectSource } from '@helix/api/realtime';
import { SearchIndex } from '@helix/api/search';
import type { RoomEventType } from '@helix/contract';
import type { Model } from 'mongoose';
import { isPublic, toQuestion } from './question-view';
import { QuestionRecord } from './schemas/question.schema';

export interface QuestionState {
  record: QuestionRecord;
  upvoters: Set<string>;
}

/** Every audience question with its upvoters, in memory (docs/adr/0001-forum-scale.md). */
@Injectable()
export class QuestionsStore extends ReadModel implements RoomSubjectSource {
  private readonly questions = new Map<string, QuestionState>();
  private readonly rooms = new Map<string, Set<string>>();

  constructor(
    @InjectModel(QuestionRecord.name) private readonly model: Model<QuestionRecord>,
    private readonly search: SearchIndex,
    subjects: RoomSubjects,
  ) {
    super();
    subjects.register(['question.updated', 'question.pending'], this);
  }

  get(questionId: string): QuestionState | undefined {
    return this.questions.get(questionId);
  }

  /** The question, read by `_id` when this instance has not heard of it yet (asked a moment ago on another). */
  async find(questionId: string): Promise<QuestionState | undefined> {
    if (!this.questions.has(questionId)) await this.reload(questionId);
    return this.get(questionId);
  }

  /** Every question, in memory: one person's data export looks through them for theirs. */
  all(): QuestionState[] {
    return [...this.questions.values()];
  }

  ofRoom(roomId: string): QuestionState[] {
    return [...(this.rooms.get(roomId) ?? [])]
      .map((id) => this.questions.get(id))
      .filter((state) => state !== undefined);
  }

  /** Applies a stored state, unless a newer one is already here. */
  put(record: QuestionRecord): QuestionState {
    const id = record._id.toHexString();
    const existing = this.questions.get(id);
    if (existing && existing.record.version >= record.version) return existing;
    const state = { record, upvoters: new Set(record.upvoters ?? []) };
    this.questions.set(id, state);
    let ids = this.rooms.get(record.roomId);
    if (!ids) {
      ids = new Set();
      this.rooms.set(record.roomId, ids);
    }
    ids.add(id);
    // Only what the whole room sees is searchable: not a question waiting for review, nor a dismissed one.
    if (isPublic(record.status))
      this.search.put({
        kind: 'question',
        id,
        roomId: record.roomId,
        threadId: null,
        title: '',
        text: record.text,
        at: record.createdAt.toISOString(),
      });
    else this.search.remove('question', id);
    return state;
  }

  /**
   * Room events carry a question as everyone sees it (no author when anonymous); a question waiting for
   * review, or dismissed from review, only as a notice that moderators fetch their queue.
   */
  view(type: RoomEventType, questionId: string): RoomEventPayload | null {
    const state = this.questions.get(questionId);
    if (!state) return null;
    if (type === 'question.pending') return { id: questionId, roomId: state.record.roomId };
    if (state.record.status === 'pending') return null;
    return toQuestion(state.record, state.upvoters.size, null);
  }

  async reload(questionId: string): Promise<void> {
    const record = await this.model.findById(questionId).lean<QuestionRecord>().exec();
    if (record) this.put(record);
  }

  protected async load(): Promise<void> {
    for await (const record of this.model.find().lean<QuestionRecord>().cursor({ batchSize: 1_000 }))
      this.put(record);
  }
}
