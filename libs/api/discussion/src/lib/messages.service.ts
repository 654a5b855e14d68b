import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  deterministicId,
  isDuplicateKeyError,
  mayModerateRoom,
  requireRoomModeration,
  toPublicUser,
  type AuthenticatedUser,
} from '@helix/api/core';
import { ModerationLogService } from '@helix/api/moderation';
import { RoomEventLog, type RoomChange } from '@helix/api/realtime';
import { RoomsService, type SystemPost } from '@helix/api/forums';
import {
  MESSAGE_PAGE_DEFAULT,
  type ListMessagesQuery,
  type Message,
  type MessagePage,
  type PostMessageRequest,
  type PublicUser,
  type RoomEventType,
} from '@helix/contract';
import { Types, type Model, type UpdateQuery } from 'mongoose';
import { isDeepStrictEqual } from 'node:util';
import { DiscussionStore, type MessageState } from './discussion-store';
import { HELIX_AUTHOR } from './helix-author';
import { MentionAudience } from './mentions/mention-audience';
import { MessageRecord } from './schemas/message.schema';

export interface PostResult {
  message: Message;
  /** False when the same sender had already sent this clientId. */
  created: boolean;
}

/** The fields that must still hold when a change reaches the document (another instance may have got there first). */
const VISIBLE = { deleted: false, hidden: null };

/** What a change of one message writes, and on what condition. */
interface MessageChange {
  filter: Partial<Record<keyof MessageRecord, unknown>>;
  update: UpdateQuery<MessageRecord>;
  before?: (seq: number) => Promise<void>;
  /** The stored message already shows the change: another instance wrote this same event's removal again. */
  done?: (stored: MessageRecord) => boolean;
}

/**
 * Messages: each change is decided in the room's queue against the read model, recorded as a room event,
 * then written to its one document by `_id`, with the condition it was decided on in the update's filter.
 */
@Injectable()
export class MessagesService {
  constructor(
    @InjectModel(MessageRecord.name) private readonly messages: Model<MessageRecord>,
    private readonly store: DiscussionStore,
    private readonly rooms: RoomsService,
    private readonly log: RoomEventLog,
    private readonly moderationLog: ModerationLogService,
    private readonly audience: MentionAudience,
  ) {}

  async page(roomId: string, query: ListMessagesQuery): Promise<MessagePage> {
    await this.rooms.get(roomId);
    const limit = Number(query.limit ?? MESSAGE_PAGE_DEFAULT);
    const beforeSeq = query.beforeSeq === undefined ? undefined : Number(query.beforeSeq);
    return this.store.page(roomId, query.threadId, beforeSeq, limit);
  }

  async post(user: AuthenticatedUser, roomId: string, request: PostMessageRequest): Promise<PostResult> {
    await this.rooms.get(roomId);
    await this.store.findThread(roomId, request.threadId);
    const id = deterministicId('message', user.id, request.clientId);
    let created = false;
    const message = await this.log.record(roomId, (): RoomChange<Message> => {
      const known = this.store.message(id.toHexString());
      if (known) return { event: null, result: () => this.sameClientId(known, roomId, request.threadId) };
      const thread = this.store.thread(roomId, request.threadId);
      if (!thread) throw new NotFoundException('No such thread in this room');
      if (thread.locked) throw new ConflictException('This thread is locked by a moderator');
      if (request.replyTo && this.store.message(request.replyTo)?.record.threadId !== request.threadId)
        throw new BadRequestException('replyTo must be a message of the same thread');
      const { text, mentions } = this.audience.accept(roomId, request.text);
      return this.insertion(
        {
          _id: id,
          roomId,
          threadId: request.threadId,
          clientId: request.clientId,
          authorId: user.id,
          author: toPublicUser(user),
          text,
          attachment: null,
          replyTo: request.replyTo ?? null,
          mentions,
        },
        () => (created = true),
      );
    });
    return { message, created };
  }

  /**
   * Helix's own message (a closed poll's result, see RoomPosts): written once, with the id the post names,
   * and later brought up to date when what it shows changed. One a moderator hid or deleted stays so.
   */
  async putSystem(post: SystemPost): Promise<void> {
    await this.store.findMessage(post.messageId);
    await this.log.record(post.roomId, (): RoomChange<void> => {
      const nothing = { event: null, result: () => undefined };
      // Removed by a moderator before its first message: nothing to open it with.
      if (!this.store.thread(post.roomId, post.threadId)) return nothing;
      const attachment = post.attachment();
      const known = this.store.message(post.messageId)?.record;
      if (!known)
        return {
          ...this.insertion({
            _id: new Types.ObjectId(post.messageId),
            roomId: post.roomId,
            threadId: post.threadId,
            clientId: post.messageId,
            authorId: HELIX_AUTHOR.id,
            author: HELIX_AUTHOR,
            text: '',
            attachment,
            replyTo: null,
            mentions: [],
          }),
          result: () => undefined,
        };
      if (known.deleted || known.hidden || isDeepStrictEqual(known.attachment, attachment)) return nothing;
      return {
        ...this.applying(known, 'message.updated', HELIX_AUTHOR.id, {
          filter: VISIBLE,
          update: { $set: { attachment } },
        }),
        result: () => undefined,
      };
    });
  }

  /** Only the author edits their words; a moderator hides or deletes them instead, with a reason. */
  edit(user: AuthenticatedUser, messageId: string, text: string): Promise<Message> {
    return this.change(user, messageId, 'message.updated', (current) => {
      if (current.authorId !== user.id) throw new ForbiddenException('Only the author may edit this message');
      this.requireVisible(current, 'edited');
      this.requireUnlocked(current);
      const accepted = this.audience.accept(current.roomId, text);
      if (current.text === accepted.text) return null;
      return {
        filter: VISIBLE,
        update: { $set: { text: accepted.text, mentions: accepted.mentions, editedAt: new Date() } },
      };
    });
  }

  /**
   * The author deletes their own message; a moderator may delete anyone's with a reason, and the moderation
   * log keeps the reason and the text (written first, as for a hide).
   */
  remove(user: AuthenticatedUser, messageId: string, reason?: string): Promise<Message> {
    return this.change(user, messageId, 'message.deleted', (current) => {
      const own = current.authorId === user.id;
      if (!own && !mayModerateRoom(user, current.roomId))
        throw new ForbiddenException('Only the author or a moderator may change this message');
      if (!own && !reason)
        throw new BadRequestException("A moderator deleting someone else's message must give a reason");
      if (current.deleted) return null;
      return {
        filter: { deleted: false },
        update: { $set: { text: '', attachment: null, deleted: true, reactions: {} } },
        done: (stored) => stored.deleted,
        before: own
          ? undefined
          : (seq) =>
              this.moderationLog.record(user, current.roomId, seq, [
                { action: 'message.deleted', subjectId: messageId, reason, detail: current.text },
              ]),
      };
    });
  }

  /**
   * A moderator hides a message: its text and reactions are gone for everyone, the reason shows in its
   * place, and only the moderation log keeps the text. The entry is written before the text is removed,
   * so a failure in between can leave the message visible, never lose what it said.
   */
  hide(user: AuthenticatedUser, messageId: string, reason: string): Promise<Message> {
    return this.change(user, messageId, 'message.hidden', (current) => {
      requireRoomModeration(user, current.roomId);
      if (current.deleted) throw new ConflictException('A deleted message cannot be hidden');
      if (current.hidden) throw new ConflictException('This message is already hidden');
      return {
        filter: VISIBLE,
        update: { $set: { text: '', attachment: null, reactions: {}, hidden: { reason, at: new Date() } } },
        done: (stored) => stored.hidden !== null && !stored.deleted,
        before: (seq) =>
          this.moderationLog.record(user, current.roomId, seq, [
            { action: 'message.hidden', subjectId: messageId, reason, detail: current.text },
          ]),
      };
    });
  }

  toggleReaction(user: AuthenticatedUser, messageId: string, emoji: string): Promise<Message> {
    return this.change(user, messageId, 'reaction.updated', (current) => {
      this.requireVisible(current, 'reacted to');
      this.requireUnlocked(current);
      const path = `reactions.${emoji}`;
      const reacted = (current.reactions[emoji] ?? []).includes(user.id);
      return {
        filter: VISIBLE,
        update: reacted ? { $pull: { [path]: user.id } } : { $addToSet: { [path]: user.id } },
      };
    });
  }

  /**
   * The author deleted their account: the message stays, under `former`. The change is a room event, so
   * every member's screen and every instance (which reads the message again by `_id`) show the new name.
   */
  setAuthor(person: AuthenticatedUser, messageId: string, former: PublicUser): Promise<Message> {
    return this.change(person, messageId, 'message.updated', (current) => {
      if (current.authorId !== person.id) throw new ForbiddenException('Only the author’s own messages');
      return { filter: { authorId: person.id }, update: { $set: { author: former } } };
    });
  }

  /**
   * Decides a change of one message in its room's queue against the read model, and records it (see
   * `applying`).
   */
  private async change(
    user: AuthenticatedUser,
    messageId: string,
    type: RoomEventType,
    decide: (current: MessageRecord) => MessageChange | null,
  ): Promise<Message> {
    const known = await this.store.findMessage(messageId);
    if (!known) throw new NotFoundException('No such message');
    return this.log.record(known.record.roomId, (): RoomChange<Message> => {
      const current = this.store.message(messageId)?.record ?? known.record;
      const decision = decide(current);
      if (!decision) return { event: null, result: () => this.viewOf(messageId) };
      return this.applying(current, type, user.id, decision);
    });
  }

  /** A new message's event, and its insert once the event holds its seq. */
  private insertion(
    message: Omit<
      MessageRecord,
      'seq' | 'reactions' | 'createdAt' | 'editedAt' | 'deleted' | 'hidden' | 'version'
    >,
    onCreated?: () => void,
  ): RoomChange<Message> {
    const messageId = message._id.toHexString();
    return {
      event: {
        type: 'message.created',
        subjectId: messageId,
        threadId: message.threadId,
        actorId: message.authorId,
      },
      commit: async (seq) => {
        const record: MessageRecord = {
          ...message,
          seq,
          reactions: {},
          createdAt: new Date(),
          editedAt: null,
          deleted: false,
          hidden: null,
          version: 1,
        };
        try {
          await this.messages.collection.insertOne(record as never);
        } catch (error) {
          // The same clientId reached another instance at the same moment: that one stored it.
          if (!isDuplicateKeyError(error)) throw error;
          const stored = await this.messages.findById(message._id).lean<MessageRecord>().exec();
          if (stored) this.store.putMessage(stored);
          return;
        }
        this.store.putMessage(record);
        onCreated?.();
      },
      result: () => this.viewOf(messageId),
    };
  }

  /**
   * A decided change's event, then its write with the decision's condition in the filter: if another instance
   * changed the message meanwhile so that the condition no longer holds, the write matches nothing, the
   * message is read again and the change refused.
   */
  private applying(
    current: MessageRecord,
    type: RoomEventType,
    actorId: string,
    decision: MessageChange,
  ): RoomChange<Message> {
    const messageId = current._id.toHexString();
    return {
      event: { type, subjectId: messageId, threadId: current.threadId, actorId },
      commit: async (seq) => {
        await decision.before?.(seq);
        const updated = await this.messages
          .findOneAndUpdate(
            { _id: messageId, ...decision.filter },
            { ...decision.update, $inc: { version: 1 } },
            { new: true },
          )
          .lean<MessageRecord>()
          .exec();
        if (updated) {
          this.store.putMessage(updated);
          return;
        }
        const stored = await this.messages.findById(messageId).lean<MessageRecord>().exec();
        if (stored) this.store.putMessage(stored);
        if (stored && decision.done?.(stored)) return;
        throw new ConflictException('The message was changed meanwhile; look again');
      },
      result: () => this.viewOf(messageId),
    };
  }

  private viewOf(messageId: string): Message {
    const state = this.store.message(messageId);
    if (!state) throw new NotFoundException('No such message');
    return state.view;
  }

  /** A clientId already used by this sender: the stored message, if it is the same one. */
  private sameClientId(known: MessageState, roomId: string, threadId: string): Message {
    if (known.record.roomId !== roomId || known.record.threadId !== threadId)
      throw new ConflictException('This clientId was already used for something else');
    return known.view;
  }

  private requireVisible(current: MessageRecord, action: 'edited' | 'reacted to'): void {
    if (current.deleted)
      throw new ConflictException(
        action === 'edited' ? 'A deleted message cannot be edited' : 'A deleted message cannot get reactions',
      );
    if (current.hidden)
      throw new ConflictException(
        action === 'edited' ? 'A hidden message cannot be edited' : 'A hidden message cannot get reactions',
      );
  }

  private requireUnlocked(current: MessageRecord): void {
    if (this.store.thread(current.roomId, current.threadId)?.locked)
      throw new ConflictException('This thread is locked by a moderator');
  }
}
