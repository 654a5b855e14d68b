import { Logger, UnauthorizedException } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { AccessTokens, toPublicUser } from '@helix/api/core';
import {
  handleSocketEvent,
  PresenceTracker,
  RoomBroadcaster,
  RoomEventLog,
  roomChannel,
  scheduleSessionExpiry,
  type HelixServer,
  type HelixSocket,
} from '@helix/api/realtime';
import {
  messageDeleteSchema,
  messageEditSchema,
  messageHideSchema,
  messageSendSchema,
  reactionToggleSchema,
  roomJoinSchema,
  roomLeaveSchema,
  typingSchema,
  type Ack,
  type Message,
  type RoomJoinAck,
} from '@helix/contract';
import { z } from 'zod';
import { MessagesService } from './messages.service';
import { RoomsService } from '@helix/api/forums';

const sessionRenewSchema = z.strictObject({ token: z.string().min(1).max(4096) });

/** Discussion over Socket.IO; every handler answers through an ack and cannot throw. */
@WebSocketGateway()
export class DiscussionGateway implements OnGatewayInit, OnGatewayDisconnect {
  private readonly logger = new Logger(DiscussionGateway.name);

  @WebSocketServer()
  private readonly server!: HelixServer;

  constructor(
    private readonly broadcaster: RoomBroadcaster,
    private readonly presence: PresenceTracker,
    private readonly log: RoomEventLog,
    private readonly rooms: RoomsService,
    private readonly messages: MessagesService,
    private readonly tokens: AccessTokens,
  ) {}

  afterInit(): void {
    this.broadcaster.attach(this.server);
  }

  handleDisconnect(socket: HelixSocket): void {
    const user = socket.data?.user;
    if (!user) return;
    for (const roomId of socket.data.joinedRooms) this.presence.remove(roomId, user.id);
  }

  @SubscribeMessage('room:join')
  join(@ConnectedSocket() socket: HelixSocket, @MessageBody() payload: unknown): Promise<Ack<RoomJoinAck>> {
    return handleSocketEvent(roomJoinSchema, payload, async ({ roomId, sinceSeq }) => {
      await this.rooms.get(roomId);
      // Join before reading the log: an event stored meanwhile arrives live or in `missed`, never in neither.
      await socket.join(roomChannel(roomId));
      if (!socket.data.joinedRooms.has(roomId)) {
        socket.data.joinedRooms.add(roomId);
        this.presence.add(roomId, toPublicUser(socket.data.user));
      }
      const replay =
        sinceSeq === undefined ? { events: [], hasMore: false } : this.log.since(roomId, sinceSeq);
      const presence = this.presence.snapshot(roomId);
      return {
        seq: this.log.lastSeq(roomId),
        presence: presence.users,
        presenceCount: presence.count,
        presenceByGroup: presence.byGroup,
        missed: replay.events,
        hasMore: replay.hasMore,
      };
    });
  }

  @SubscribeMessage('room:leave')
  leave(@ConnectedSocket() socket: HelixSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handleSocketEvent(roomLeaveSchema, payload, async ({ roomId }) => {
      await socket.leave(roomChannel(roomId));
      if (socket.data.joinedRooms.delete(roomId)) this.presence.remove(roomId, socket.data.user.id);
      return {};
    });
  }

  @SubscribeMessage('message:send')
  send(
    @ConnectedSocket() socket: HelixSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ message: Message }>> {
    return handleSocketEvent(messageSendSchema, payload, async ({ roomId, ...request }) => {
      const { message } = await this.messages.post(socket.data.user, roomId, request);
      return { message };
    });
  }

  @SubscribeMessage('message:edit')
  edit(
    @ConnectedSocket() socket: HelixSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ message: Message }>> {
    return handleSocketEvent(messageEditSchema, payload, async ({ messageId, text }) => {
      return { message: await this.messages.edit(socket.data.user, messageId, text) };
    });
  }

  @SubscribeMessage('message:delete')
  remove(
    @ConnectedSocket() socket: HelixSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ message: Message }>> {
    return handleSocketEvent(messageDeleteSchema, payload, async ({ messageId, reason }) => ({
      message: await this.messages.remove(socket.data.user, messageId, reason),
    }));
  }

  @SubscribeMessage('message:hide')
  hide(
    @ConnectedSocket() socket: HelixSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ message: Message }>> {
    return handleSocketEvent(messageHideSchema, payload, async ({ messageId, reason }) => ({
      message: await this.messages.hide(socket.data.user, messageId, reason),
    }));
  }

  @SubscribeMessage('reaction:toggle')
  react(
    @ConnectedSocket() socket: HelixSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ message: Message }>> {
    return handleSocketEvent(reactionToggleSchema, payload, async ({ messageId, emoji }) => {
      return { message: await this.messages.toggleReaction(socket.data.user, messageId, emoji) };
    });
  }

  /** Typing is ephemeral: sent to the others in the room, never stored. */
  @SubscribeMessage('typing')
  typing(@ConnectedSocket() socket: HelixSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handleSocketEvent(typingSchema, payload, ({ roomId, threadId }) => {
      if (!socket.data.joinedRooms.has(roomId)) return {};
      socket
        .to(roomChannel(roomId))
        .emit('typing', { roomId, threadId, user: toPublicUser(socket.data.user) });
      return {};
    });
  }

  /** A client that refreshed its access token hands it over, so the socket lives on without a reconnect. */
  @SubscribeMessage('session:renew')
  renew(@ConnectedSocket() socket: HelixSocket, @MessageBody() payload: unknown): Promise<Ack> {
    return handleSocketEvent(sessionRenewSchema, payload, async ({ token }) => {
      const user = await this.tokens.verify(token).catch(() => undefined);
      if (!user || user.id !== socket.data.user.id)
        throw new UnauthorizedException('The token is invalid or belongs to someone else');
      socket.data.user = user;
      scheduleSessionExpiry(socket);
      this.logger.debug(`session renewed for ${user.id}`);
      return {};
    });
  }
}
