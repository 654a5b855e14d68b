import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ReadModel } from '@helix/api/core';
import type { OutboxMessage } from '@helix/contract';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { MailMessage } from './mail-message';
import { OutboxMessageRecord } from './outbox-message.schema';

/** The newest messages an admin sees at once. */
export const OUTBOX_PAGE = 200;

const toOutboxMessage = (record: OutboxMessageRecord): OutboxMessage => ({
  id: record._id,
  to: record.to,
  subject: record.subject,
  text: record.text,
  html: record.html,
  createdAt: record.createdAt.toISOString(),
});

/**
 * Where e-mail waits when no SMTP server is configured: stored by `_id`, listed from memory
 * (docs/adr/0001-forum-scale.md), so an admin can hand a reset link to the person at the desk.
 */
@Injectable()
export class Outbox extends ReadModel {
  /** Oldest first, as stored. */
  private readonly messages: OutboxMessageRecord[] = [];

  constructor(@InjectModel(OutboxMessageRecord.name) private readonly model: Model<OutboxMessageRecord>) {
    super();
  }

  async keep(message: MailMessage): Promise<void> {
    const record: OutboxMessageRecord = { _id: randomUUID(), ...message, createdAt: new Date() };
    await this.model.collection.insertOne(record as never);
    // Two messages written at once may finish in either order: each goes where its time puts it.
    const before = this.messages.findLastIndex((kept) => kept.createdAt <= record.createdAt);
    this.messages.splice(before + 1, 0, record);
  }

  /** The newest messages first; `to` narrows them to one address. */
  list(to?: string): OutboxMessage[] {
    const address = to?.trim().toLowerCase();
    const matching = address ? this.messages.filter((message) => message.to === address) : this.messages;
    return matching.slice(-OUTBOX_PAGE).reverse().map(toOutboxMessage);
  }

  protected async load(): Promise<void> {
    const records = await this.model.find().lean<OutboxMessageRecord[]>().exec();
    this.messages.push(...records.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
  }
}
