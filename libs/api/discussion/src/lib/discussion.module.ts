import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PersonalData } from '@helix/api/core';
import { ModerationModule } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { ForumParts, ForumsModule, RoomMessages, RoomPosts } from '@helix/api/forums';
import { SearchModule } from '@helix/api/search';
import { DiscussionForumPart } from './discussion-forum-part';
import { DiscussionPersonalData } from './discussion-personal-data';
import { DiscussionGateway } from './discussion.gateway';
import { DiscussionStore } from './discussion-store';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { MentionAudience } from './mentions/mention-audience';
import { MentionIndex } from './mentions/mention-index';
import { MentionsController } from './mentions/mentions.controller';
import { MentionsGateway } from './mentions/mentions.gateway';
import { MentionsService } from './mentions/mentions.service';
import { ReadMarks } from './mentions/read-marks';
import { MessageRecord, MessageSchema } from './schemas/message.schema';
import { ReadMarkRecord, ReadMarkSchema } from './schemas/read-mark.schema';
import { ThreadRecord, ThreadSchema } from './schemas/thread.schema';
import { ThreadsController } from './threads.controller';
import { ThreadsService } from './threads.service';

@Module({
  imports: [
    RealtimeModule,
    ForumsModule,
    ModerationModule,
    SearchModule,
    MongooseModule.forFeature([
      { name: ThreadRecord.name, schema: ThreadSchema },
      { name: MessageRecord.name, schema: MessageSchema },
      { name: ReadMarkRecord.name, schema: ReadMarkSchema },
    ]),
  ],
  controllers: [ThreadsController, MessagesController, MentionsController],
  providers: [
    DiscussionStore,
    ThreadsService,
    MessagesService,
    DiscussionGateway,
    DiscussionForumPart,
    DiscussionPersonalData,
    MentionAudience,
    MentionIndex,
    ReadMarks,
    MentionsService,
    MentionsGateway,
  ],
})
export class DiscussionModule implements OnModuleInit {
  constructor(
    private readonly parts: ForumParts,
    private readonly forumPart: DiscussionForumPart,
    private readonly roomMessages: RoomMessages,
    private readonly roomPosts: RoomPosts,
    private readonly store: DiscussionStore,
    private readonly threads: ThreadsService,
    private readonly messages: MessagesService,
    private readonly personalData: PersonalData,
    private readonly personalPart: DiscussionPersonalData,
  ) {}

  onModuleInit(): void {
    this.parts.register(this.forumPart);
    this.personalData.register(this.personalPart);
    this.roomMessages.register((roomId, threadId, messageId) => {
      const record = this.store.message(messageId)?.record;
      return record?.roomId === roomId && record.threadId === threadId && !record.deleted;
    });
    this.roomPosts.register({
      publish: async (post) => {
        await this.threads.openSystem(post);
        await this.messages.putSystem(post);
      },
      written: async (messageId) => {
        await this.store.ready();
        return this.store.message(messageId) !== undefined;
      },
    });
  }
}
