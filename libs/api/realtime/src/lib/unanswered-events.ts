import { Injectable } from '@nestjs/common';

type Ack = (...args: unknown[]) => void;

interface EventSource {
  once(event: 'disconnect', listener: () => void): unknown;
}

/**
 * Socket events this instance received and has not answered yet. Graceful shutdown waits for their
 * answers: a write that is still being checked (its thread read, say) is not in the room's queue yet,
 * and closing the sockets or the database under it would drop it unanswered.
 */
@Injectable()
export class UnansweredEvents {
  private readonly bySocket = new Map<EventSource, Set<() => void>>();
  private count = 0;
  private waiting: Array<() => void> = [];

  /** Wraps an event's ack: the event counts until the ack is called or its socket is gone. */
  track(socket: EventSource, ack: Ack): Ack {
    let pending = this.bySocket.get(socket);
    if (!pending) {
      const forSocket = new Set<() => void>();
      pending = forSocket;
      this.bySocket.set(socket, forSocket);
      // A disconnected socket's answers go nowhere; events it sent may never even be dispatched.
      socket.once('disconnect', () => {
        this.bySocket.delete(socket);
        for (const settle of [...forSocket]) settle();
      });
    }
    const set = pending;
    const settle = (): void => {
      if (!set.delete(settle)) return;
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiting.splice(0)) wake();
    };
    set.add(settle);
    this.count += 1;
    return (...args) => {
      settle();
      ack(...args);
    };
  }

  /** Resolves once every event received so far has been answered. */
  allAnswered(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((wake) => this.waiting.push(wake));
  }
}
