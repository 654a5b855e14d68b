import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PersonalData } from '@helix/api/core';
import { ModerationModule } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { ForumParts, ForumsModule } from '@helix/api/forums';
import { SearchModule } from '@helix/api/search';
import { QaForumPart } from './qa-forum-part';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';
import { QuestionsStore } from './questions-store';
import { QuestionRecord, QuestionSchema } from './schemas/question.schema';

/** Audience Q&A: questions asked in a room, upvoted by the audience and moderated. */
@Module({
  imports: [
    RealtimeModule,
    ForumsModule,
    ModerationModule,
    SearchModule,
    MongooseModule.forFeature([{ name: QuestionRecord.name, schema: QuestionSchema }]),
  ],
  controllers: [QuestionsController],
  providers: [QuestionsStore, QuestionsService, QaForumPart],
})
export class QaModule implements OnModuleInit {
  constructor(
    private readonly parts: ForumParts,
    private readonly forumPart: QaForumPart,
    private readonly personalData: PersonalData,
    private readonly store: QuestionsStore,
    private readonly questions: QuestionsService,
  ) {}

  onModuleInit(): void {
    this.parts.register(this.forumPart);
    this.personalData.register({
      exportOf: (userId) => {
        const all = this.store.all();
        return {
          questions: all
            .filter(({ record }) => record.authorId === userId)
            .map(({ record }) => ({
              id: record._id.toHexString(),
              roomId: record.roomId,
              text: record.text,
              anonymous: record.anonymous,
              status: record.status,
              createdAt: record.createdAt.toISOString(),
            })),
          questionUpvotes: all
            .filter(({ upvoters }) => upvoters.has(userId))
            .map(({ record }) => ({ questionId: record._id.toHexString(), roomId: record.roomId })),
        };
      },
      anonymise: async (person, former) => {
        for (const { record } of this.store.all())
          if (record.authorId === person.id)
            await this.questions.setAuthor(person, record._id.toHexString(), former);
      },
    });
  }
}
