import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isModerator, toPublicUser, type AuthenticatedUser } from '@helix/api/core';
import { ModerationLogService } from '@helix/api/moderation';
import { RoomEventLog, RoomEventRecord, subjectView } from '@helix/api/realtime';
import {
  MESSAGE_PAGE_DEFAULT,
  type ListMessagesQuery,
  type Message,
  type MessagePage,
  type PostMessageRequest,
  type RoomEventType,
} from '@helix/contract';
import { Types, trusted, type Model } from 'mongoose';
import { RoomsService } from '@helix/api/rooms';
import { ThreadsService } from './threads.service';

const MESSAGE_CREATED = 'message.created';

export const toMessage = (record: RoomEventRecord): Message => subjectView(record) as unknown as Message;

export interface PostResult {
  message: Message;
  /** False when the same sender had already sent this clientId. */
  created: boolean;
}

/**
 * Messages are stored as their `message.created` room event (see RoomEventRecord); edits, deletions
 * and reactions update that record and append an event of their own.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectModel(RoomEventRecord.name) private readonly events: Model<RoomEventRecord>,
    private readonly rooms: RoomsService,
    private readonly threads: ThreadsService,
    private readonly log: RoomEventLog,
    private readonly moderationLog: ModerationLogService,
  ) {}

  async page(roomId: string, query: ListMessagesQuery): Promise<MessagePage> {
    await this.rooms.get(roomId);
    const limit = Number(query.limit ?? MESSAGE_PAGE_DEFAULT);
    const records = await this.events
      .find({
        roomId,
        type: MESSAGE_CREATED,
        ...(query.threadId ? { threadId: query.threadId } : {}),
        ...(query.beforeSeq ? { seq: trusted({ $lt: Number(query.beforeSeq) }) } : {}),
      })
      .sort({ seq: -1 })
      .limit(limit + 1)
      .lean<RoomEventRecord[]>()
      .exec();
    const hasMore = records.length > limit;
    return { items: records.slice(0, limit).reverse().map(toMessage), hasMore };
  }

  async post(user: AuthenticatedUser, roomId: string, request: PostMessageRequest): Promise<PostResult> {
    await this.rooms.get(roomId);
    await this.threads.getOpen(roomId, request.threadId);
    if (request.replyTo) await this.requireReplyTarget(roomId, request.threadId, request.replyTo);
    const { record, created } = await this.log.append({
      id: new Types.ObjectId(),
      roomId,
      type: MESSAGE_CREATED,
      actorId: user.id,
      clientId: request.clientId,
      threadId: request.threadId,
      payload: {
        author: toPublicUser(user),
        text: request.text,
        replyTo: request.replyTo ?? null,
        reactions: {},
        editedAt: null,
        deleted: false,
        hidden: null,
      },
    });
    if (!created && record.type !== MESSAGE_CREATED) {
      throw new ConflictException('This clientId was already used for something else');
    }
    return { message: toMessage(record), created };
  }

  async edit(user: AuthenticatedUser, messageId: string, text: string): Promise<Message> {
    return this.change(user, messageId, 'message.updated', (current) => {
      if (current.payload['deleted']) throw new ConflictException('A deleted message cannot be edited');
      if (current.payload['hidden']) throw new ConflictException('A hidden message cannot be edited');
      return { $set: { 'payload.text': text, 'payload.editedAt': new Date().toISOString() } };
    });
  }

  async remove(user: AuthenticatedUser, messageId: string): Promise<Message> {
    const message = await this.change(user, messageId, 'message.deleted', async (current) => {
      if (current.payload['deleted']) return null;
      await this.log.scrubText(current.roomId, messageId);
      return { $set: { 'payload.text': '', 'payload.deleted': true, 'payload.reactions': {} } };
    });
    // Again: an edit or reaction queued in the same batch just before is stored only now.
    await this.log.scrubText(message.roomId, messageId);
    return message;
  }

  /**
   * A moderator hides a message: its text and reactions are gone for everyone, the reason shows in its
   * place, and only the moderation log keeps the text. The entry is written before the text is removed,
   * so a failure in between can leave the message visible, never lose what it said.
   */
  async hide(user: AuthenticatedUser, messageId: string, reason: string): Promise<Message> {
    if (!isModerator(user)) throw new ForbiddenException('Only a moderator or an admin may hide a message');
    const message = await this.change(user, messageId, 'message.hidden', async (current) => {
      if (current.payload['deleted']) throw new ConflictException('A deleted message cannot be hidden');
      if (current.payload['hidden']) throw new ConflictException('This message is already hidden');
      await this.moderationLog.record(user, {
        roomId: current.roomId,
        action: 'message.hidden',
        subjectId: messageId,
        reason,
        detail: String(current.payload['text'] ?? ''),
      });
      await this.log.scrubText(current.roomId, messageId);
      const hidden: NonNullable<Message['hidden']> = { reason, at: new Date().toISOString() };
      return { $set: { 'payload.text': '', 'payload.reactions': {}, 'payload.hidden': hidden } };
    });
    await this.log.scrubText(message.roomId, messageId);
    return message;
  }

  toggleReaction(user: AuthenticatedUser, messageId: string, emoji: string): Promise<Message> {
    return this.change(user, messageId, 'reaction.updated', (current) => {
      if (current.payload['deleted']) throw new ConflictException('A deleted message cannot get reactions');
      if (current.payload['hidden']) throw new ConflictException('A hidden message cannot get reactions');
      const path = `payload.reactions.${emoji}`;
      const reacted = ((current.payload['reactions'] as Record<string, string[]>)[emoji] ?? []).includes(
        user.id,
      );
      return reacted ? { $pull: { [path]: user.id } } : { $addToSet: { [path]: user.id } };
    });
  }

  /**
   * Applies a change to a message and appends its event, inside the room's queue (see RoomEventLog):
   * the check, the update and the event see no other change of the room in between.
   * `decide` returns the update, or null when there is nothing to do.
   */
  private async change(
    user: AuthenticatedUser,
    messageId: string,
    type: RoomEventType,
    decide: (
      current: RoomEventRecord,
    ) => Record<string, unknown> | null | Promise<Record<string, unknown> | null>,
  ): Promise<Message> {
    const { roomId } = await this.getMessage(messageId);
    let unchanged: RoomEventRecord | undefined;
    const result = await this.log.appendWith(roomId, async () => {
      const current = await this.getMessage(messageId);
      if (type !== 'reaction.updated') this.requireAuthorOrModerator(user, current);
      const update = await decide(current);
      if (!update) {
        unchanged = current;
        return null;
      }
      const record = await this.events
        .findOneAndUpdate({ _id: messageId, type: MESSAGE_CREATED }, update, { new: true })
        .lean<RoomEventRecord>()
        .exec();
      if (!record) throw new NotFoundException('No such message');
      return {
        roomId,
        type,
        actorId: user.id,
        threadId: record.threadId,
        subjectId: messageId,
        payload: toMessage(record),
      };
    });
    if (result) return result.event.payload as Message;
    if (unchanged) return toMessage(unchanged);
    throw new NotFoundException('No such message');
  }

  private async getMessage(messageId: string): Promise<RoomEventRecord> {
    const record = await this.events
      .findOne({ _id: messageId, type: MESSAGE_CREATED })
      .lean<RoomEventRecord>()
      .exec();
    if (!record) throw new NotFoundException('No such message');
    return record;
  }

  private requireAuthorOrModerator(user: AuthenticatedUser, record: RoomEventRecord): void {
    if (record.actorId !== user.id && !isModerator(user)) {
      throw new ForbiddenException('Only the author or a moderator may change this message');
    }
  }

  private async requireReplyTarget(roomId: string, threadId: string, replyTo: string): Promise<void> {
    const target = await this.events.exists({ _id: replyTo, roomId, threadId, type: MESSAGE_CREATED }).exec();
    if (!target) throw new BadRequestException('replyTo must be a message of the same thread');
  }
}
