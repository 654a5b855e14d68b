import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Mailer } from './mailer';
import { Outbox } from './outbox';
import { OutboxController } from './outbox.controller';
import { OutboxMessageRecord, OutboxMessageSchema } from './outbox-message.schema';

/** Global: any feature that writes to people (auth, invitations) injects Mailer. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: OutboxMessageRecord.name, schema: OutboxMessageSchema }])],
  controllers: [OutboxController],
  providers: [Mailer, Outbox],
  exports: [Mailer],
})
export class MailModule {}
