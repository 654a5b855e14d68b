import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { FreshCount, isDuplicateKeyError } from '@helix/api/core';
import type { Model } from 'mongoose';
import { QuestionUpvoteRecord } from './schemas/question-upvote.schema';
import type { QuestionRecord } from './schemas/question.schema';

/** Stores upvotes and counts them from their documents, never from a counter that could drift. */
@Injectable()
export class QuestionUpvotes {
  private readonly fresh = new FreshCount<number>();

  constructor(
    @InjectModel(QuestionUpvoteRecord.name) private readonly upvotes: Model<QuestionUpvoteRecord>,
  ) {}

  /** False when the person had already upvoted the question. */
  async add(question: QuestionRecord, userId: string): Promise<boolean> {
    const questionId = question._id.toHexString();
    try {
      // An insert, which the unique index answers directly, rather than an upsert FerretDB runs as a scan.
      await this.upvotes.create({ questionId, roomId: question.roomId, userId, createdAt: new Date() });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return false;
    }
    this.fresh.noteWrite(questionId);
    return true;
  }

  /** False when there was no upvote to remove. */
  async remove(questionId: string, userId: string): Promise<boolean> {
    const { deletedCount } = await this.upvotes.deleteOne({ questionId, userId }).exec();
    if (!deletedCount) return false;
    this.fresh.noteWrite(questionId);
    return true;
  }

  /** Includes every upvote stored or removed before the call; a burst shares its counts. */
  count(questionId: string): Promise<number> {
    return this.fresh.get(questionId, () => this.upvotes.countDocuments({ questionId }).exec());
  }

  async has(questionId: string, userId: string): Promise<boolean> {
    return (await this.upvotes.exists({ questionId, userId }).exec()) !== null;
  }

  /** Upvotes of every question of a room, by question id, in one grouped count. */
  async countsInRoom(roomId: string): Promise<Map<string, number>> {
    const rows = await this.upvotes
      .aggregate<{ _id: string; count: number }>([
        { $match: { roomId } },
        { $group: { _id: '$questionId', count: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.map((row) => [row._id, row.count]));
  }

  /** Ids of the questions of a room the person has upvoted. */
  async mineInRoom(roomId: string, userId: string): Promise<Set<string>> {
    const rows = await this.upvotes
      .find({ roomId, userId }, { questionId: 1, _id: 0 })
      .lean<Pick<QuestionUpvoteRecord, 'questionId'>[]>()
      .exec();
    return new Set(rows.map((row) => row.questionId));
  }
}
