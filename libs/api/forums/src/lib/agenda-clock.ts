import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AGENDA_ACTOR, HelixConfig, insertedFirst } from '@helix/api/core';
import type { Model } from 'mongoose';
import { AgendaService } from './agenda.service';
import { ForumParts } from './forum-parts';
import { ForumsStore } from './forums-store';
import { AgendaClaimRecord } from './schemas/agenda-claim.schema';
import type { AgendaSessionRecord } from './schemas/agenda-session.schema';

/**
 * Starts and ends agenda sessions by the server's clock (Pigeonhole Live's model): at a session's start its
 * room's Q&A and prepared poll open, at its end they close. Every instance ticks; the one whose claim is
 * stored first carries a start or end out, once.
 */
@Injectable()
export class AgendaClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AgendaClock.name);
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    @InjectModel(AgendaClaimRecord.name) private readonly claims: Model<AgendaClaimRecord>,
    private readonly store: ForumsStore,
    private readonly agenda: AgendaService,
    private readonly parts: ForumParts,
    private readonly config: HelixConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.get('AGENDA_TICK_MS'));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(now = new Date()): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const session of this.store.sessions({})) {
        if (this.store.forum(session.forumId)?.status !== 'live') continue;
        if (!session.startedAt && session.startsAt <= now && now < session.endsAt)
          await this.start(session, now);
        else if (!session.endedAt && session.endsAt <= now) await this.end(session, now);
      }
    } catch (error) {
      this.logger.warn(`agenda: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.ticking = false;
    }
  }

  private async start(session: AgendaSessionRecord, now: Date): Promise<void> {
    if (!(await this.claim(session, 'start', now))) return;
    // Stamped first: whoever sees the room's Q&A open must also see its session as started.
    await this.agenda.stamp(session, { startedAt: now });
    for (const part of this.parts.all()) await this.run(() => part.sessionStarted?.(session, AGENDA_ACTOR));
  }

  private async end(session: AgendaSessionRecord, now: Date): Promise<void> {
    if (!(await this.claim(session, 'end', now))) return;
    await this.agenda.stamp(session, { endedAt: now, ...(session.startedAt ? {} : { startedAt: now }) });
    for (const part of this.parts.all()) await this.run(() => part.sessionEnded?.(session, AGENDA_ACTOR));
  }

  private claim(session: AgendaSessionRecord, step: 'start' | 'end', at: Date): Promise<boolean> {
    return insertedFirst(this.claims.collection, {
      _id: `${session._id.toHexString()}:${step}`,
      at,
    } as never);
  }

  /** What one feature does at a start or end must not keep the others from doing theirs. */
  private async run(action: () => Promise<void> | undefined): Promise<void> {
    try {
      await action();
    } catch (error) {
      this.logger.warn(`agenda: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
