import { Injectable } from '@nestjs/common';
import type { MessageAttachment } from '@helix/contract';

/** Something Helix itself posts into a room's discussion: a thread of its own, opened by one message. */
export interface SystemPost {
  roomId: string;
  threadId: string;
  /** The thread's title, in the words people wrote (a poll's question). */
  title: string;
  messageId: string;
  /**
   * What the message shows, read when the post is decided in the room's queue: of two posts of the same
   * message (a close, then a word hidden), the one decided last shows the state it read.
   */
  attachment: () => MessageAttachment;
}

export interface SystemPoster {
  /** Opens the post's thread and writes its message if they are not there, or brings the message up to date. */
  publish(post: SystemPost): Promise<void>;
  /**
   * Whether the post's message was ever written (deleted by a moderator since counts as written), answered once
   * the discussion has loaded, however early it is asked.
   */
  written(messageId: string): Promise<boolean>;
}

/**
 * Where other features post into a room's discussion (a closed poll's result) without depending on the
 * discussion feature: discussion registers its poster here when its module starts.
 */
@Injectable()
export class RoomPosts {
  private poster?: SystemPoster;

  register(poster: SystemPoster): void {
    this.poster = poster;
  }

  publish(post: SystemPost): Promise<void> {
    return this.registered().publish(post);
  }

  written(messageId: string): Promise<boolean> {
    return this.registered().written(messageId);
  }

  private registered(): SystemPoster {
    if (!this.poster) throw new Error('No discussion is registered to post into');
    return this.poster;
  }
}
