import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { handleSocketEvent, type HelixSocket } from '@helix/api/realtime';
import { pollVoteSchema, type Ack, type Poll } from '@helix/contract';
import { PollsService } from './polls.service';

@WebSocketGateway()
export class PollsGateway {
  constructor(private readonly polls: PollsService) {}

  @SubscribeMessage('poll:vote')
  vote(
    @ConnectedSocket() socket: HelixSocket,
    @MessageBody() payload: unknown,
  ): Promise<Ack<{ poll: Poll }>> {
    return handleSocketEvent(pollVoteSchema, payload, async ({ pollId, ...ballot }) => {
      return { poll: await this.polls.vote(socket.data.user, pollId, ballot) };
    });
  }
}
