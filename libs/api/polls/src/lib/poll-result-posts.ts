import {
  HttpException,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { deterministicId } from '@helix/api/core';
import { RoomPosts } from '@helix/api/forums';
import { pollResultSchema, pollWinners, type MessageAttachment } from '@helix/contract';
import { PollsStore } from './polls-store';

/** A post that failed for another reason than being refused (the database away) is tried again. */
const RETRY_DELAY_MS = 5_000;

/** The thread a poll's result opens: the same on every instance, so that however often it is posted, it is one. */
export const resultThreadIdOf = (pollId: string): string =>
  deterministicId('poll-result-thread', pollId).toHexString();
const resultMessageIdOf = (pollId: string): string =>
  deterministicId('poll-result-message', pollId).toHexString();

/**
 * Posts a closed poll's result as the first message of a thread of its own in the poll's room, so that the
 * room discusses it right under it (docs/adr/0003-poll-results-in-threads.md). Only the close that won the
 * poll's guarded write posts; the ids come from the poll, so a post made again changes nothing but what
 * changed since (a word a moderator hid). At boot it posts what an instance that stopped between a close and
 * its post left unposted.
 */
@Injectable()
export class PollResultPosts implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PollResultPosts.name);
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly store: PollsStore,
    private readonly posts: RoomPosts,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the app answers meanwhile, and the posts go through the rooms' queues like any other.
    this.postMissed().catch((error: unknown) =>
      this.logger.warn(`the results left unposted were not looked for: ${String(error)}`),
    );
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
  }

  /**
   * Posts the result, or brings the posted one up to date. A poll closed without votes has no thread. A
   * failure never fails the close: the poll stays closed and the post is tried again, unless it was refused
   * (the forum closed meanwhile), which trying again would not change.
   */
  async post(pollId: string): Promise<void> {
    const poll = this.store.get(pollId);
    if (poll?.status !== 'closed' || !poll.resultThreadId) return;
    clearTimeout(this.retries.get(pollId));
    this.retries.delete(pollId);
    try {
      await this.posts.publish({
        roomId: poll.roomId,
        threadId: poll.resultThreadId,
        title: poll.question,
        messageId: resultMessageIdOf(pollId),
        attachment: () => this.attachmentOf(pollId),
      });
    } catch (error) {
      if (error instanceof HttpException) {
        this.logger.warn(`poll ${pollId}: its result was not posted: ${error.message}`);
        return;
      }
      if (this.stopped) return;
      this.logger.warn(`poll ${pollId}: its result was not posted, trying again: ${String(error)}`);
      const timer = setTimeout(() => {
        this.retries.delete(pollId);
        void this.post(pollId);
      }, RETRY_DELAY_MS);
      timer.unref();
      this.retries.set(pollId, timer);
    }
  }

  /**
   * Posts the result of every closed poll whose message was never written: its close was stored, then the
   * instance stopped before the post (or while retrying it). Polls already posted are left alone, so a room
   * that takes no writes any more (a closed forum) is not asked again at every boot.
   */
  private async postMissed(): Promise<void> {
    await this.store.ready();
    for (const pollId of this.store.withResultThreads()) {
      if (this.stopped) return;
      if (await this.posts.written(resultMessageIdOf(pollId))) continue;
      this.logger.log(`poll ${pollId}: posting the result its close left unposted`);
      await this.post(pollId);
    }
  }

  /** The result as every member of the room sees the closed poll: all its counts, no hidden word. */
  private attachmentOf(pollId: string): MessageAttachment {
    const poll = this.store.get(pollId);
    if (!poll) throw new Error(`poll ${pollId} is not in the read model`);
    const view = this.store.pollView(poll, null);
    return {
      type: 'poll_result',
      poll: pollResultSchema.parse({ ...view, winners: pollWinners(view) }),
    };
  }
}
