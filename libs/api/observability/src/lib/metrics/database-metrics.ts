import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { Metrics } from './metrics';

/** Commands the driver sends to learn the server's state, not the app's work. */
const UNTIMED = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions']);

/** Times every database command through the driver's command monitoring (DatabaseModule turns it on). */
@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    const client = this.connection.getClient();
    client.on('commandSucceeded', (event) => {
      if (UNTIMED.has(event.commandName)) return;
      this.metrics.databaseDuration.observe({ command: event.commandName }, event.duration / 1000);
    });
    client.on('commandFailed', (event) => {
      if (UNTIMED.has(event.commandName)) return;
      this.metrics.databaseDuration.observe({ command: event.commandName }, event.duration / 1000);
      this.metrics.databaseErrors.inc({ command: event.commandName });
    });
    this.metrics.sample('helix_database_up', () => (this.connection.readyState === 1 ? 1 : 0));
  }
}
