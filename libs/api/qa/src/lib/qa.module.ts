import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ModerationModule } from '@helix/api/moderation';
import { RealtimeModule } from '@helix/api/realtime';
import { RoomsModule } from '@helix/api/rooms';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';
import { QuestionsStore } from './questions-store';
import { QuestionRecord, QuestionSchema } from './schemas/question.schema';

/** Audience Q&A: questions asked in a room, upvoted by the audience and moderated. */
@Module({
  imports: [
    RealtimeModule,
    RoomsModule,
    ModerationModule,
    MongooseModule.forFeature([{ name: QuestionRecord.name, schema: QuestionSchema }]),
  ],
  controllers: [QuestionsController],
  providers: [QuestionsStore, QuestionsService],
})
export class QaModule {}
