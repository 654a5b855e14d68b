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

/** Opens the post's thread and writes its message if they are not there, or brings the message up to date. */
export type SystemPoster = (post: SystemPost) => Promise<void>;

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

  async publish(post: SystemPost): Promise<void> {
    if (!this.poster) throw new Error('No discussion is registered to post into');
    await this.poster(post);
  }
}
