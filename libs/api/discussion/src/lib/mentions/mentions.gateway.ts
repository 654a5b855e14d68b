import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
} from '@nestjs/websockets';
import { currentLanguage } from '@helix/api/core';
import { handleSocketEvent, RoomBroadcaster, type HelixSocket } from '@helix/api/realtime';
import { roomsWatchSchema, type Ack } from '@helix/contract';
import { DiscussionStore } from '../discussion-store';
import { MentionIndex } from './mention-index';
import { MentionsService } from './mentions.service';

/** Each person's sockets share a channel: what concerns them alone (a mention) goes there, whatever room is open. */
const personChannel = (userId: string): string => `person:${userId}`;

/**
 * Sockets on the rooms page. Its badges follow one small broadcast per new message (Socket.IO encodes it once
 * for every watcher) and count up on the client; the counts themselves are fetched again when the page
 * comes back into view. Sending each person their own counts would cost one message per watcher per message,
 * and joining every room's channel would bring every room's traffic.
 */
const ROOMS_WATCHERS = 'rooms:watchers';

@WebSocketGateway()
export class MentionsGateway implements OnGatewayConnection {
  constructor(
    private readonly broadcaster: RoomBroadcaster,
    index: MentionIndex,
    store: DiscussionStore,
    mentions: MentionsService,
  ) {
    // Every instance applies every message, and tells its own sockets only.
    index.onMention((userId, state) =>
      this.broadcaster.io?.local
        .to(personChannel(userId))
        .emit('mention', mentions.mention(userId, state, currentLanguage())),
    );
    store.onMessage((state, previous, live) => {
      if (!live || previous) return;
      const { roomId, seq, authorId } = state.record;
      this.broadcaster.io?.local.to(ROOMS_WATCHERS).emit('rooms:activity', { roomId, seq, authorId });
    });
  }

  async handleConnection(socket: HelixSocket): Promise<void> {
    if (socket.data?.user) await socket.join(personChannel(socket.data.user.id));
  }

  @SubscribeMessage('rooms:watch')
  watch(@ConnectedSocket() socket: HelixSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handleSocketEvent(roomsWatchSchema, payload, async ({ watching }) => {
      if (watching) await socket.join(ROOMS_WATCHERS);
      else await socket.leave(ROOMS_WATCHERS);
      return {};
    });
  }
}
